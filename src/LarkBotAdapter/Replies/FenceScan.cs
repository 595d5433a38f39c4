namespace ChatOps.LarkBotAdapter.Replies;

// Finds the fenced code block that is still open at the end of a text, so what follows it can close it first.
internal static class FenceScan
{
    // The line that closes the block left open at the end of text (indented like its opener), or null.
    public static string? CloserAtEnd(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        CodeFence? fence = null;
        var indent = string.Empty;
        foreach (var line in text.Split('\n'))
        {
            if (fence is not null)
            {
                fence = fence.IsClosedBy(line) ? null : fence;
            }
            else if ((fence = CodeFence.TryParseOpener(line)) is not null)
            {
                indent = line[..(line.Length - line.TrimStart().Length)];
            }
        }
        return fence is null ? null : indent + fence.Closer;
    }
}
