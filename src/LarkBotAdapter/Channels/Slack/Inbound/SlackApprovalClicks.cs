using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Channels.Slack.Api;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Approvals;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Inbound;

// Approve / Reject clicks on a Slack approval card (block_actions with SlackApprovalBlocks' action ids): the desk
// decides (platform slack, the payload's team as the app, the clicker's user id), and the clicker alone is told what
// came of it through the payload's response_url (ephemeral, the card left as it is: a card changes only when the
// proposal's state does, and the desk does that). A value that is not one of ours is ignored with a log line.
internal sealed class SlackApprovalClicks(ApprovalDesk desk, SlackWebApiClient client, ILogger<SlackApprovalClicks> logger)
{
    // The private answer may take this long; Slack wants the click acknowledged within 3 s.
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(2);

    public static bool Handles(SlackInteraction.Action action) =>
        action.ActionId is SlackApprovalBlocks.ApproveActionId or SlackApprovalBlocks.RejectActionId;

    public async Task HandleAsync(SlackInteraction interaction, SlackInteraction.Action action, CancellationToken cancellationToken)
    {
        if (action.Type != "button")
        {
            Log.ApprovalClickIgnored(logger, $"an approval action of type {Clip(action.Type)}");
            return;
        }
        if (Read(action.Value) is not var (proposalId, hash))
        {
            Log.ApprovalClickIgnored(logger, "a value that is not a proposal id and arguments hash");
            return;
        }
        var approve = action.ActionId == SlackApprovalBlocks.ApproveActionId;
        var decision = await desk.DecideAsync(Platforms.Slack, interaction.TeamId, interaction.UserId, proposalId, approve, hash, cancellationToken);
        Log.ApprovalClicked(logger, proposalId, Clip(interaction.TeamId), Clip(interaction.UserId), decision.Outcome.ToString());
        if (interaction.ResponseUrl is not { } responseUrl || !Uri.TryCreate(responseUrl, UriKind.Absolute, out var url))
        {
            Log.ApprovalAnswerNotSent(logger, proposalId, "no response_url in the payload");
            return;
        }
        var language = decision.Record is { } record ? desk.ViewOf(record).Language : TurnLanguage.English;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AnswerTimeout);
        try
        {
            await client.PostEphemeralAsync(url, desk.Describe(decision, language, SlackApprovalBlocks.Mention), timeout.Token);
        }
        catch (SlackApiException ex)
        {
            Log.ApprovalAnswerNotSent(logger, proposalId, ex.Error);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.ApprovalAnswerNotSent(logger, proposalId, ex.GetType().Name);
        }
    }

    // {"proposal": "P-…", "hash": 64 lowercase hex digits}, as ApprovalButton.Json wrote it; null otherwise.
    internal static (string ProposalId, string Hash)? Read(string? value) =>
        ApprovalButton.ReadJson(value, approve: true) is { } click ? (click.ProposalId, click.Hash) : null;

    // Payload strings reach the log only bounded.
    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
