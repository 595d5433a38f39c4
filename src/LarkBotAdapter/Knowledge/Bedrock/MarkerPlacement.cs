using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// Where a citation marker can go so it renders as text: a marker that falls inside a fenced code block or on a fence
// line goes on its own line after the block's closing fence; one inside an inline code span goes after the span.
internal static class MarkerPlacement
{
    // The index to insert a marker meant for position, and whether it needs a line of its own; null while the text
    // that decides it has not arrived yet. complete: no more text will come (an open line is finished, an unclosed
    // block stays open and the marker waits for the caller to close it).
    public static (int Index, bool OwnLine)? Find(string text, int position, bool complete)
    {
        CodeFence? fence = null;
        var captured = false;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            var finished = newline >= 0 || complete;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            var here = position <= lineEnd;
            if (fence is not null)
            {
                if (!finished && (captured || here))
                {
                    return null;
                }
                if (fence.IsClosedBy(line))
                {
                    if (captured || here)
                    {
                        return (lineStart + line.TrimEnd().Length, true);
                    }
                    fence = null;
                }
                else
                {
                    captured |= here;
                }
            }
            else if (Opener(line, finished) is { } opener)
            {
                if (opener.Fence is null)
                {
                    // An unfinished line that may still become a fence opener.
                    return here ? null : (position, false);
                }
                fence = opener.Fence;
                captured |= here;
            }
            else if (here)
            {
                return AfterInlineCode(line, position - lineStart, finished) is { } offset ? (lineStart + offset, false) : null;
            }
            if (newline < 0)
            {
                break;
            }
            lineStart = newline + 1;
        }
        // Inside a block that has not closed (yet).
        return null;
    }

    // A fence opener line; Fence is null for an unfinished line that could still become one.
    private static (CodeFence? Fence, bool)? Opener(ReadOnlySpan<char> line, bool finished)
    {
        if (CodeFence.TryParseOpener(line) is { } fence)
        {
            return (fence, true);
        }
        var trimmed = line.TrimStart();
        if (finished || trimmed.Length == 0 || trimmed.Length >= 3 || (trimmed[0] != '`' && trimmed[0] != '~'))
        {
            return null;
        }
        return trimmed.TrimStart(trimmed[0]).Length == 0 ? (null, false) : null;
    }

    // The offset in line for a marker meant for offset: after the inline code span around it, if any; null when an
    // unfinished line may still close the span.
    private static int? AfterInlineCode(ReadOnlySpan<char> line, int offset, bool finished)
    {
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] != '`')
            {
                i++;
                continue;
            }
            var open = i;
            if (offset <= open)
            {
                return offset;
            }
            var length = Run(line, i);
            i += length;
            var close = CloserOf(line, i, length);
            if (close < 0)
            {
                // No closer on this line: the backticks are literal, unless more of the line is still to come.
                if (!finished)
                {
                    return null;
                }
                continue;
            }
            var after = close + length;
            if (offset > open && offset < after)
            {
                return after;
            }
            i = after;
        }
        return offset;
    }

    private static int CloserOf(ReadOnlySpan<char> line, int from, int length)
    {
        var i = from;
        while (i < line.Length)
        {
            if (line[i] != '`')
            {
                i++;
                continue;
            }
            var run = Run(line, i);
            if (run == length)
            {
                return i;
            }
            i += run;
        }
        return -1;
    }

    private static int Run(ReadOnlySpan<char> line, int from)
    {
        var end = from;
        while (end < line.Length && line[end] == '`')
        {
            end++;
        }
        return end - from;
    }
}
