namespace ChatOps.LarkBotAdapter.Conversations;

// The turn replies should use, and the message preparing posted to start their thread (a Slack slash
// command's parent), which the worker records and marks as a thread the bot answers.
public sealed record PreparedTurn(ChatTurn Turn, PostReceipt? ThreadStarter = null);
