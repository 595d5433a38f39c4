namespace ChatOps.LarkBotAdapter.Replies;

/// <summary>What kind of cut a line end offers.</summary>
internal enum BreakKind
{
    /// <summary>Not a cut point (right after a fence opener, or inside a fence before any code).</summary>
    None,

    /// <summary>End of a paragraph outside code: after a blank line, a closing fence, or before an opening fence.</summary>
    Paragraph,

    /// <summary>End of a line outside code.</summary>
    Line,

    /// <summary>End of a code line inside a fence: cutting here closes the fence and re-opens it in the next segment.</summary>
    FenceLine,
}

/// <summary>A line end at stream offset <paramref name="Position"/> (just after the newline) and the fence open after it.</summary>
internal readonly record struct LineBreak(int Position, BreakKind Kind, CodeFence? After, bool EndsDelimiterLine);
