using System.Text;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Inbound;

// The fast path of POST /slack/commands, behind RequireSlackSignature: parse the form ▸ claim ▸ hand off ▸ an ephemeral
// "working on it" (Slack wants an answer within 3 s), or an error status with {"error":…}. The worker posts the question as the thread's parent and answers
// in that thread (SlackChatChannel.PrepareAsync). Slack does not redeliver commands, so every outcome
// is a 200 the asker can read.
internal sealed class SlackCommandIngress(SlackResponseUrlPolicy responseUrls, TurnAdmission admission)
{
    public async Task<Results<JsonHttpResult<SlackCommandMessage>, JsonHttpResult<ErrorResponse>>> HandleAsync(byte[] body, CancellationToken cancellationToken)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (form.Values.Any(value => value.Count > 1))
        {
            // Slack sends each field once; a repeat would be read as "C1,C2" and send the answer somewhere nobody meant.
            return PlatformReplies.Error(StatusCodes.Status400BadRequest, "not a Slack slash command: a field is repeated");
        }
        string Field(string name) => form.TryGetValue(name, out var value) ? value.ToString().Trim() : string.Empty;
        if (Field("ssl_check") == "1")
        {
            return Ephemeral(string.Empty); // Slack checking the endpoint's certificate: nothing to answer
        }
        var (team, channel, user, trigger, responseUrl, command) =
            (Field("team_id"), Field("channel_id"), Field("user_id"), Field("trigger_id"), Field("response_url"), Field("command"));
        if (team.Length == 0 || channel.Length == 0 || user.Length == 0 || trigger.Length == 0
            || responseUrl.Length == 0)
        {
            return PlatformReplies.Error(StatusCodes.Status400BadRequest, "not a Slack slash command: team_id, channel_id, user_id, trigger_id and response_url are required");
        }
        if (!responseUrls.Allows(responseUrl))
        {
            // Refused, not ignored: Slack always sends its own hooks URL, so another one means a forged or altered command.
            return PlatformReplies.Error(StatusCodes.Status400BadRequest, "not a Slack slash command: response_url must be https://hooks.slack.com/…");
        }
        var raw = Field("text");
        var text = SlackText.ToPlainText(raw, botUserId: null);
        if (text.Length == 0)
        {
            return Ephemeral(Usage(command.Length > 0 ? command : "/ask"));
        }
        var direct = channel.StartsWith('D') || Field("channel_name") == "directmessage";
        var turn = new ChatTurn(
            Platforms.Slack, team, channel, direct ? ChatTypes.Direct : ChatTypes.Group, "cmd." + trigger, null, null, user, "text", text,
            SlackText.MentionedUserIds(raw), ResponseUrl: responseUrl, CreatesThread: true);
        if (ChatTurnRules.Problem(turn) is { } problem)
        {
            return PlatformReplies.Error(StatusCodes.Status400BadRequest, "not a Slack slash command: " + problem);
        }
        var language = TurnLanguage.Of(text);
        return await admission.AdmitAsync(turn, needsAddressCheck: false, cancellationToken, noticeIfStoreDown: false) switch
        {
            AdmissionOutcome.StoreUnavailable => Ephemeral(IngressTexts.StoreUnavailableCommand(language)),
            AdmissionOutcome.Accepted => Ephemeral(IngressTexts.CommandAccepted(language)),
            AdmissionOutcome.Duplicate => Ephemeral(IngressTexts.CommandDuplicate(language)),
            _ => Ephemeral(IngressTexts.CommandNotTaken(language)),
        };
    }

    // Only the asker sees it.
    private static JsonHttpResult<SlackCommandMessage> Ephemeral(string text) =>
        TypedResults.Json(new SlackCommandMessage("ephemeral", text), SlackJsonContext.Default.SlackCommandMessage);

    private static string Usage(string command) =>
        $"Ask me about runbooks, SLAs or the live state of our AWS accounts, e.g. `{command} what is the SLA of checkout-api?` "
        + $"or `{command} are there 5xx errors on checkout-api in prod?` — I answer in a thread, and follow-ups there need no command.";
}
