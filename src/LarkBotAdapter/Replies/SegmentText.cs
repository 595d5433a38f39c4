using System.Text;

namespace ChatOps.LarkBotAdapter.Replies;

// Builds a segment's text from the pending text it covers, re-opening and closing fences so every segment
// renders on its own.
internal static class SegmentText
{
    // The segment for body; reopen is the fence open where it starts,
    // close the one open where it ends. Null when nothing but whitespace or a closer is left.
    public static string? Build(ReadOnlySpan<char> body, CodeFence? reopen, CodeFence? close)
    {
        var skip = 0;
        for (var i = 0; i < body.Length && char.IsWhiteSpace(body[i]); i++)
        {
            skip = body[i] == '\n' ? i + 1 : skip;
        }

        body = body[skip..];
        if (reopen is not null)
        {
            // The stream closed the fence on the segment's first line: nothing to re-open.
            var newline = body.IndexOf('\n');
            if (reopen.IsClosedBy(newline < 0 ? body : body[..newline]))
            {
                body = newline < 0 ? [] : body[(newline + 1)..];
                reopen = null;
            }
        }

        body = body.TrimEnd();
        if (body.IsEmpty)
        {
            return null;
        }

        var text = new StringBuilder(body.Length + 48);
        if (reopen is not null)
        {
            text.Append(reopen.Opener).Append('\n');
        }

        text.Append(body);
        if (close is not null)
        {
            text.Append('\n').Append(close.Closer);
        }

        return text.ToString();
    }
}
