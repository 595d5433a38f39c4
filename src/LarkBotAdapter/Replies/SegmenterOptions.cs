namespace ChatOps.LarkBotAdapter.Replies;

// How the Segmenter cuts a streamed answer into thread messages.
public sealed record SegmenterOptions
{
    // A segment is sent once it holds at least this many characters and the text is at a paragraph boundary.
    public int MinChars { get; set; } = 1200;

    // Hard cap on a segment's length in UTF-16 characters, fences added by the Segmenter included.
    public int MaxChars { get; set; } = 3500;

    // Hard cap on a segment's size in UTF-8 bytes (Lark's post request body limit is 30 KB and JSON escaping adds overhead).
    public int MaxUtf8Bytes { get; set; } = 12000;

    // When the stream produced no new text for this long, pending text is flushed at the best boundary available.
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(3);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxChars, 64, nameof(MaxChars));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxUtf8Bytes, 256, nameof(MaxUtf8Bytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinChars, 1, nameof(MinChars));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinChars, MaxChars, nameof(MinChars));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(QuietPeriod, TimeSpan.Zero, nameof(QuietPeriod));
    }
}
