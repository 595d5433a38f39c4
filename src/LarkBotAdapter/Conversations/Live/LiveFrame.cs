namespace ChatOps.LarkBotAdapter.Conversations.Live;

// What a live reply shows: the whole answer so far (Markdown) and one status line under it (what the bot is
// doing, or the footer once it is done; null for none).
public sealed record LiveFrame(string Markdown, string? Status);
