namespace ChatOps.LarkBotAdapter.Jobs;

// What a thread command answers in its thread, and whether it did what it was asked (the asker's reaction says so).
public sealed record ThreadCommandReply(string Text, bool Succeeded);
