namespace ChatOps.LarkBotAdapter.Scrubbing;

// Where a multi-line secret block (a PEM or OpenSSH key between -----BEGIN and -----END …-----, a PuTTY key file
// ending in its Private-MAC line) opened in the stream buffer and has not closed yet, so StreamScrubber holds it whole.
internal sealed class OpenBlockTracker(string begin, string end, string closing)
{
    private int endMarker = -1; // an end marker of the open block whose closing has not arrived yet

    public static OpenBlockTracker Pem() => new("-----BEGIN", "-----END", "-----");

    public static OpenBlockTracker Putty() => new("PuTTY-User-Key-File-", "Private-MAC:", "\n");

    // The longest marker, less one: how far back a rescan must start so a marker cut between two chunks is seen.
    public static int Overlap => "PuTTY-User-Key-File-".Length - 1;

    // Start of the open block in the buffer, or -1.
    public int Start { get; private set; } = -1;

    // Looks at text[from..] (the new text and a little before it) for this block's markers.
    public void Scan(ReadOnlySpan<char> text, int from)
    {
        var fresh = text[from..];
        var opened = fresh.LastIndexOf(begin, StringComparison.Ordinal);
        var ended = fresh.LastIndexOf(end, StringComparison.Ordinal);
        if (Start < 0 && opened >= 0)
        {
            Start = from + opened;
        }
        if (ended >= 0 && Start >= 0 && from + ended > Start)
        {
            endMarker = from + ended;
        }
        // The block closes after its end marker's closing, so "-----END RSA " | "PRIVATE KEY-----" is not a cut.
        var afterEnd = endMarker + end.Length;
        if (endMarker >= 0 && text[afterEnd..].IndexOf(closing, StringComparison.Ordinal) is var at and >= 0
            && afterEnd + at + closing.Length < text.Length)
        {
            Start = opened > ended ? from + opened : -1;
            endMarker = -1;
        }
    }

    // The first cut characters left the buffer.
    public void Shift(int cut)
    {
        Start = Start >= cut ? Start - cut : -1;
        endMarker = endMarker >= cut ? endMarker - cut : -1;
    }
}
