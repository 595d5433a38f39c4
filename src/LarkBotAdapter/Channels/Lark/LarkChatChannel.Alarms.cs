using ChatOps.LarkBotAdapter.Channels.Lark.Rendering;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Alarms;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

// Alarm messages on Lark: a shared interactive card sent to the chat by the first configured app (uuid from the
// alarm's key, so a retried job posts it once), replaced in place when the alarm resolves.
public sealed partial class LarkChatChannel : IAlarmPosts
{
    public IAlarmPosts? Alarms => this;

    public async Task<ChatTurn> PostAlarmAsync(string chatId, AlarmCard card, string key, CancellationToken cancellationToken)
    {
        var app = options.CurrentValue.Apps.FirstOrDefault()
                  ?? throw new ReplyFailedException("No Lark app is configured to post alarms.", targetGone: true, transient: false);
        var messageId = await CallAsync(() => client.SendToChatAsync(app, chatId, "interactive", LarkAlarmCard.Json(card), Hash("alarm#" + key), cancellationToken))
                        ?? throw new ReplyFailedException("Lark did not return the alarm message's id.", targetGone: false, transient: true);
        return new ChatTurn(Platform, app.AppId, chatId, ChatTypes.Group, messageId, null, null, ChatTurn.AlarmSender, "text", "", []);
    }

    public Task UpdateAlarmAsync(ChatTurn root, AlarmCard card, CancellationToken cancellationToken) =>
        UpdateCardAsync(App(root), root.MessageId, LarkAlarmCard.Json(card), cancellationToken);
}
