using ChatOps.LarkBotAdapter.Channels.Slack.Api;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Alarms;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

// Alarm messages on Slack: Block Kit by chat.postMessage without a thread (the message starts one), replaced by
// chat.update when the alarm resolves. Slack has no idempotency key: Alarms records the message once posted.
public sealed partial class SlackChatChannel : IAlarmPosts
{
    public IAlarmPosts? Alarms => this;

    public async Task<ChatTurn> PostAlarmAsync(string chatId, AlarmCard card, string key, CancellationToken cancellationToken)
    {
        try
        {
            var team = await identity.GetTeamIdAsync(client, cancellationToken);
            await pacer.WaitAsync(chatId, cancellationToken);
            var ts = await client.PostBlocksAsync(chatId, SlackAlarmBlocks.Text(card), SlackAlarmBlocks.Blocks(card), null, cancellationToken);
            return new ChatTurn(Platform, team, chatId, ChatTypes.Group, ts, null, null, ChatTurn.AlarmSender, "text", "", []);
        }
        catch (Exception ex) when (Failed(ex) is { } failure)
        {
            throw failure;
        }
    }

    public async Task UpdateAlarmAsync(ChatTurn root, AlarmCard card, CancellationToken cancellationToken)
    {
        try
        {
            await pacer.WaitAsync(root.ChatId, cancellationToken);
            await client.UpdateMessageAsync(root.ChatId, root.MessageId, SlackAlarmBlocks.Text(card), SlackAlarmBlocks.Blocks(card), cancellationToken);
        }
        catch (Exception ex) when (Failed(ex) is { } failure)
        {
            throw failure;
        }
    }
}
