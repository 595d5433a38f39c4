using System.Text.Json.Nodes;
using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Channels.Slack.Api;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;
using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

// Approval cards on Slack: a Block Kit message in the asker's thread (its ts is the card reference; the channel is the
// turn's), replaced through chat.update as the proposal moves on. Slack has no idempotency key: the desk posts a
// proposal's card only while its record has no card reference.
public sealed partial class SlackChatChannel : IApprovalChannel
{
    public async Task<string> PostApprovalAsync(ChatTurn turn, ApprovalView view, CancellationToken cancellationToken)
    {
        try
        {
            await pacer.WaitAsync(turn.ChatId, cancellationToken);
            var ts = await client.PostBlocksAsync(
                turn.ChatId, SlackApprovalBlocks.Text(view), Blocks(view), turn.RootId ?? turn.MessageId, cancellationToken);
            Log.ApprovalCardPosted(logger, view.Record.Id, turn.ChatId, ts);
            return ts;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            throw Failed(ex);
        }
    }

    public async Task UpdateApprovalAsync(ChatTurn turn, string cardRef, ApprovalView view, CancellationToken cancellationToken)
    {
        try
        {
            await pacer.WaitAsync(turn.ChatId, cancellationToken);
            await client.UpdateMessageAsync(turn.ChatId, cardRef, SlackApprovalBlocks.Text(view), Blocks(view), cancellationToken);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            throw Failed(ex);
        }
    }

    private static JsonArray Blocks(ApprovalView view) => JsonNode.Parse(SlackApprovalBlocks.Json(view))!.AsArray();
}
