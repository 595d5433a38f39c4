namespace ChatOps.LarkBotAdapter.Replies;

/// <summary>One thread message of a streamed answer.</summary>
/// <param name="Index">0-based position in the answer.</param>
/// <param name="Markdown">The segment's Markdown text.</param>
/// <param name="IsFinal">True on the last segment of the answer.</param>
public sealed record Segment(int Index, string Markdown, bool IsFinal);
