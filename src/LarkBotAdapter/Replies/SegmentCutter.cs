namespace ChatOps.LarkBotAdapter.Replies;

/// <summary>
/// Incremental buffer behind the <see cref="Segmenter"/>: receives text, tracks line ends and code fences
/// as they complete, and cuts segments. Positions are stream offsets; each character is scanned a bounded
/// number of times, so long streams cost linear time.
/// </summary>
internal sealed partial class SegmentCutter(SegmenterOptions options)
{
    // Lines longer than this are never fence delimiters, so their text need not be kept for parsing.
    private const int MaxDelimiterLine = 1024;

    private readonly List<LineBreak> breaks = [];
    private char[] buffer = new char[512]; // grows by doubling; most answers are short
    private int bufferBase;
    private int end;
    private int head;
    private int lineStart;
    private int pendingBytes;
    private int firstContent = -1;
    private int firstLiveBreak;
    private int lastParagraph = -1;
    private int longestFence;
    private bool fenceHasContent;
    private CodeFence? openFence;
    private CodeFence? carry;

    /// <summary>True when pending text will produce a segment (a lone closer of a re-opened fence will not).</summary>
    public bool HasContent =>
        firstContent >= 0
        && !(carry is not null && firstContent >= lineStart && carry.CouldBeClosedBy(Span(firstContent, end)));

    public void Append(string chunk)
    {
        EnsureCapacity(chunk.Length);
        chunk.CopyTo(buffer.AsSpan(end - bufferBase));
        var scanFrom = end;
        foreach (var c in chunk)
        {
            pendingBytes += TextBoundaries.Utf8Bytes(c);
        }

        end += chunk.Length;
        if (firstContent < 0)
        {
            FindFirstContent(scanFrom);
        }

        ScanLines(scanFrom);
    }

    /// <summary>Cuts what must go (over the caps) and what may go (at least MinChars at a paragraph end).</summary>
    public void TakeReady(List<string> output)
    {
        while (true)
        {
            if (!PendingFits)
            {
                ForcedCut(output);
            }
            else if (lastParagraph > head && lastParagraph - head + PrefixChars >= options.MinChars)
            {
                Cut(lastParagraph, output);
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>The stream went quiet: cut pending text at the best boundary available, even under MinChars.</summary>
    public void TakeQuiet(List<string> output)
    {
        TakeReady(output);
        if (!HasContent)
        {
            return;
        }

        var last = At(end - 1);
        var cutAtEnd = last == '\n'
            ? openFence is null || fenceHasContent
            : char.IsWhiteSpace(last) && openFence is null && !UnfinishedLineMayBeDelimiter();
        var cut = cutAtEnd ? end : ChooseCut(end, head + ((end - head) / 2), forced: false);
        if (cut > head)
        {
            Cut(cut, output);
        }
    }

    /// <summary>The stream ended (or failed): everything pending goes, an unclosed fence is closed.</summary>
    public void TakeAll(List<string> output)
    {
        while (!PendingFits)
        {
            ForcedCut(output);
        }

        if (end > head)
        {
            Cut(end, output);
        }
    }

    private int PrefixChars => carry is null ? 0 : carry.Opener.Length + 1;

    private int PrefixBytes => carry is null ? 0 : TextBoundaries.Utf8Bytes(carry.Opener) + 1;

    private int Reserve => longestFence == 0 ? 0 : longestFence + 1;

    private int CharBudget => options.MaxChars - PrefixChars - Reserve;

    private int ByteBudget => options.MaxUtf8Bytes - PrefixBytes - Reserve;

    private bool PendingFits => end - head <= CharBudget && pendingBytes <= ByteBudget;

    private char At(int offset) => buffer[offset - bufferBase];

    private ReadOnlySpan<char> Span(int from, int to) => buffer.AsSpan(from - bufferBase, to - from);
}
