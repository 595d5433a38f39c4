using System.Text;
using System.Text.Json;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Feedback;
using ChatOps.LarkBotAdapter.Ingress;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Inbound;

// POST /slack/interactions: the app's Interactivity Request URL. Slack posts a form with one field, payload (JSON),
// behind RequireSlackSignature like events; it wants a 200 within 3 s. block_actions clicks on the bot's feedback buttons are recorded,
// clicks on approval cards go to the approval desk (SlackApprovalClicks); every other well-formed interaction is
// acknowledged and ignored.
internal sealed class SlackInteractionIngress(FeedbackRecorder feedback, SlackApprovalClicks approvals, ILogger<SlackInteractionIngress> logger)
{
    public async Task<Results<Ok, JsonHttpResult<ErrorResponse>>> HandleAsync(byte[] body, CancellationToken cancellationToken)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var payload) || payload.Count != 1 || string.IsNullOrEmpty(payload[0]))
        {
            return BadRequest("a form with one payload field is required");
        }
        SlackInteraction interaction;
        try
        {
            interaction = SlackInteraction.Parse(payload[0]!);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return BadRequest(ex is FormatException ? ex.Message : "payload is not valid JSON");
        }
        if (interaction.Type != "block_actions" || interaction.Actions.Count == 0)
        {
            Log.InteractionIgnored(logger, interaction.Type);
            return TypedResults.Ok();
        }
        foreach (var action in interaction.Actions)
        {
            if (SlackApprovalClicks.Handles(action))
            {
                await approvals.HandleAsync(interaction, action, cancellationToken);
            }
            else if (FeedbackOf(action) is { } vote)
            {
                await feedback.RecordAsync(Platforms.Slack, $"{interaction.TeamId}:{interaction.UserId}", vote.Answer, vote.Vote, cancellationToken);
            }
            else
            {
                Log.InteractionIgnored(logger, $"{interaction.Type}/{action.Type}");
            }
        }
        return TypedResults.Ok();
    }

    // The button's value is the JSON object of AnswerFeedback.Values, as the final message set it.
    private static (AnswerFeedback Answer, Vote Vote)? FeedbackOf(SlackInteraction.Action action)
    {
        if (action.Type is not ("feedback_buttons" or "button") || action.Value is not { Length: > 0 and <= 2000 } value)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(value);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var values = document.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.String)
                .Take(32)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            return AnswerFeedback.TryRead(values);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonHttpResult<ErrorResponse> BadRequest(string reason) =>
        PlatformReplies.Error(StatusCodes.Status400BadRequest, "not a Slack interaction: " + reason);
}
