namespace ChatOps.LarkBotAdapter.Replies;

// One thread message of a streamed answer.
// Index: 0-based position in the answer.
// Markdown: The segment's Markdown text.
// IsFinal: True on the last segment of the answer.
public sealed record Segment(int Index, string Markdown, bool IsFinal);
