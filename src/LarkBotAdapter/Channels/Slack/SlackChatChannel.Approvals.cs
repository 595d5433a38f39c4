using System.Text.Json.Nodes;
using ChatOps.LarkBotAdapter.Channels.Slack.Api;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Approvals;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

// Approval cards on Slack: a Block Kit message in the asker's thread (its ts is the card reference; the channel is the
// turn's), replaced through chat.update as the proposal moves on. Slack has no idempotency key: the desk posts a
// proposal's card only while its record has no card reference.
public sealed partial class SlackChatChannel : IApprovalCards
{
    public IApprovalCards? Approvals => this;

    public async Task<string> PostApprovalAsync(ChatTurn turn, ApprovalCard card, CancellationToken cancellationToken)
    {
        try
        {
            await pacer.WaitAsync(turn.ChatId, cancellationToken);
            var ts = await client.PostBlocksAsync(
                turn.ChatId, SlackApprovalBlocks.Text(card), Blocks(card), turn.RootId ?? turn.MessageId, cancellationToken);
            Log.ApprovalCardPosted(logger, card.ProposalId, turn.ChatId, ts);
            return ts;
        }
        catch (Exception ex) when (Failed(ex) is { } failure)
        {
            throw failure;
        }
    }

    public async Task UpdateApprovalAsync(ChatTurn turn, string cardRef, ApprovalCard card, CancellationToken cancellationToken)
    {
        try
        {
            await pacer.WaitAsync(turn.ChatId, cancellationToken);
            await client.UpdateMessageAsync(turn.ChatId, cardRef, SlackApprovalBlocks.Text(card), Blocks(card), cancellationToken);
        }
        catch (Exception ex) when (Failed(ex) is { } failure)
        {
            throw failure;
        }
    }

    private static JsonArray Blocks(ApprovalCard card) => JsonNode.Parse(SlackApprovalBlocks.Json(card))!.AsArray();
}
