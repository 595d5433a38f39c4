namespace ChatOps.LarkBotAdapter.Conversations.Alarms;

// A channel's alarm messages (IChatChannel.Alarms): a new message in a chat that starts a thread, changed later.
public interface IAlarmPosts
{
    // Posts card as a new message in chatId and returns the message as the turn that starts its thread (the channel
    // fills in its app and message id). Posting the same key again posts nothing new where the platform de-duplicates
    // (Lark's uuid).
    Task<ChatTurn> PostAlarmAsync(string chatId, AlarmCard card, string key, CancellationToken cancellationToken);

    // Shows the card's new state (resolved, a longer storm list) on the message root started.
    Task UpdateAlarmAsync(ChatTurn root, AlarmCard card, CancellationToken cancellationToken);
}
