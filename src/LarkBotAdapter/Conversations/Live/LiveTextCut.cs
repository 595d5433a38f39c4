using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Conversations.Live;

// Where a live message that is full hands over to its continuation: the end of the last line that fits the
// budget (a paragraph break when there is one in the later half), never inside a word or a surrogate pair; when the cut
// falls inside a fenced code block, the first part closes the fence and the continuation re-opens it.
// Cut: Characters of the text that stay in the first part.
// Reopen: The fence opener line the continuation starts with, or empty.
// Close: What the first part ends with to close an open fence, or empty.
public sealed record LiveTextCut(int Cut, string Reopen, string Close)
{
    // Bytes c takes once JSON-encoded (UTF-8, quotes, backslashes and control characters
    // escaped), the measure platform size limits apply to.
    public static int JsonBytes(char c) => c is '"' or '\\' or '\n' or '\r' or '\t' ? 2 : c < ' ' ? 6 : TextBoundaries.Utf8Bytes(c);

    public static int JsonBytes(ReadOnlySpan<char> text)
    {
        var bytes = 0;
        foreach (var c in text)
        {
            bytes += JsonBytes(c);
        }
        return bytes;
    }

    // Null when text fits budgetBytes; otherwise where to cut it.
    public static LiveTextCut? Find(string text, int budgetBytes)
    {
        // Room for a closing fence on the first part.
        var budget = budgetBytes - 16;
        var fits = 0;
        var used = 0;
        while (fits < text.Length && used + JsonBytes(text[fits]) <= budget)
        {
            used += JsonBytes(text[fits]);
            fits++;
        }
        if (fits == text.Length && used <= budgetBytes)
        {
            return null;
        }
        var cut = text.LastIndexOf("\n\n", Math.Max(0, fits - 1), StringComparison.Ordinal) is var paragraph and > 0 && paragraph > fits / 2
            ? paragraph + 1
            : text.LastIndexOf('\n', Math.Max(0, fits - 1)) is var line and > 0 && line > fits / 2
                ? line + 1
                : text.LastIndexOf(' ', Math.Max(0, fits - 1)) is var space and > 0 && space > fits / 2 ? space + 1 : fits;
        if (cut > 0 && cut < text.Length && char.IsLowSurrogate(text[cut]))
        {
            cut--;
        }
        return AtEnd(text[..cut]);
    }

    // A cut at the end of text (a message that must end there), closing a code fence left open in it.
    public static LiveTextCut AtEnd(string text) => OpenFence(text) is { } open
        ? new LiveTextCut(text.Length, open.Opener + "\n", (text.Length > 0 && text[^1] == '\n' ? "" : "\n") + open.Closer)
        : new LiveTextCut(text.Length, "", "");

    // The code fence still open at the end of text, or null.
    internal static CodeFence? OpenFence(string text)
    {
        var end = text.Length;
        CodeFence? open = null;
        var start = 0;
        while (start < end)
        {
            var stop = text.IndexOf('\n', start, end - start);
            var line = text.AsSpan(start, (stop < 0 ? end : stop) - start);
            if (open is null)
            {
                open = CodeFence.TryParseOpener(line);
            }
            else if (open.IsClosedBy(line))
            {
                open = null;
            }
            start = stop < 0 ? end : stop + 1;
        }
        return open;
    }
}
