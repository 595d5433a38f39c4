using System.Text.Json.Nodes;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Alarms;
using ChatOps.LarkBotAdapter.Conversations.Approvals;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

// The bot's own cards on Slack, Block Kit messages replaced through chat.update as they change. Slack has no
// idempotency key, so whoever posts a card records its ts once posted and posts only while there is none.
// - Approval cards go in the asker's thread (the ts is the card reference; the channel is the turn's); the desk posts a
//   proposal's card only while its record has no card reference.
// - Alarm messages go to the channel without a thread (the message starts one); Alarms records the episode's root.
public sealed partial class SlackChatChannel : IApprovalCards, IAlarmPosts
{
    public IApprovalCards? Approvals => this;

    public IAlarmPosts? Alarms => this;

    public async Task<string> PostApprovalAsync(ChatTurn turn, ApprovalCard card, CancellationToken cancellationToken)
    {
        var ts = await PacedAsync(turn.ChatId, () => client.PostBlocksAsync(
            turn.ChatId, SlackApprovalBlocks.Text(card), ApprovalBlocks(card), turn.RootId ?? turn.MessageId, cancellationToken), cancellationToken);
        Log.ApprovalCardPosted(logger, card.ProposalId, turn.ChatId, ts);
        return ts;
    }

    public Task UpdateApprovalAsync(ChatTurn turn, string cardRef, ApprovalCard card, CancellationToken cancellationToken) =>
        PacedAsync(turn.ChatId, () => client.UpdateMessageAsync(turn.ChatId, cardRef, SlackApprovalBlocks.Text(card), ApprovalBlocks(card), cancellationToken), cancellationToken);

    public async Task<ChatTurn> PostAlarmAsync(string chatId, AlarmCard card, string key, CancellationToken cancellationToken)
    {
        var (team, ts) = await PacedAsync(chatId, async () => (
            await identity.GetTeamIdAsync(client, cancellationToken),
            await client.PostBlocksAsync(chatId, SlackAlarmBlocks.Text(card), SlackAlarmBlocks.Blocks(card), null, cancellationToken)), cancellationToken);
        return new ChatTurn(Platform, team, chatId, ChatTypes.Group, ts, null, null, ChatTurn.AlarmSender, "text", "", []);
    }

    public Task UpdateAlarmAsync(ChatTurn root, AlarmCard card, CancellationToken cancellationToken) =>
        PacedAsync(root.ChatId, () => client.UpdateMessageAsync(root.ChatId, root.MessageId, SlackAlarmBlocks.Text(card), SlackAlarmBlocks.Blocks(card), cancellationToken), cancellationToken);

    private static JsonArray ApprovalBlocks(ApprovalCard card) => JsonNode.Parse(SlackApprovalBlocks.Json(card))!.AsArray();
}
