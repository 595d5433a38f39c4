namespace ChatOps.LarkBotAdapter.Local;

// What `ask` was told besides the question: the laptop route's AWS profile (--profile), conversation
// (--conversation, default "default") and whether to start it afresh (--new).
public sealed record AskOptions(string? Profile, string Conversation, bool Fresh);
