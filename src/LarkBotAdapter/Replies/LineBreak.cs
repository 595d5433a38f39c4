namespace ChatOps.LarkBotAdapter.Replies;

// What kind of cut a line end offers.
internal enum BreakKind
{
    // Not a cut point (right after a fence opener, or inside a fence before any code).
    None,

    // End of a paragraph outside code: after a blank line, a closing fence, or before an opening fence.
    Paragraph,

    // End of a line outside code.
    Line,

    // End of a code line inside a fence: cutting here closes the fence and re-opens it in the next segment.
    FenceLine,
}

// A line end at stream offset Position (just after the newline) and the fence open after it.
internal readonly record struct LineBreak(int Position, BreakKind Kind, CodeFence? After, bool EndsDelimiterLine);
