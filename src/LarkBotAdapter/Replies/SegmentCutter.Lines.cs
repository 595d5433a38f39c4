namespace ChatOps.LarkBotAdapter.Replies;

/// <summary>Buffer upkeep and line-by-line fence tracking.</summary>
internal sealed partial class SegmentCutter
{
    private void EnsureCapacity(int extra)
    {
        if (end - bufferBase + extra <= buffer.Length)
        {
            return;
        }

        // Keep the unfinished line while it may still turn out to be a fence delimiter.
        var keepFrom = end - lineStart > MaxDelimiterLine ? head : Math.Min(head, lineStart);
        var live = end - keepFrom;
        var target = buffer;
        if (live + extra > buffer.Length / 2)
        {
            target = new char[Math.Max(buffer.Length * 2, (live + extra) * 2)];
        }

        Array.Copy(buffer, keepFrom - bufferBase, target, 0, live);
        buffer = target;
        bufferBase = keepFrom;
    }

    private void FindFirstContent(int from)
    {
        for (var i = Math.Max(from, head); i < end; i++)
        {
            if (!char.IsWhiteSpace(At(i)))
            {
                firstContent = i;
                return;
            }
        }

        firstContent = -1;
    }

    private void ScanLines(int from)
    {
        var position = from;
        while (position < end)
        {
            var newline = Span(position, end).IndexOf('\n');
            if (newline < 0)
            {
                return;
            }

            var lineEnd = position + newline;
            ProcessLine(lineStart, lineEnd);
            position = lineEnd + 1;
            lineStart = position;
        }
    }

    private void ProcessLine(int start, int newline)
    {
        var known = newline - start <= MaxDelimiterLine && start >= bufferBase;
        var line = known ? Span(start, newline) : [];
        var blank = known && line.IsWhiteSpace();
        var after = newline + 1;
        if (openFence is null)
        {
            var opener = known ? CodeFence.TryParseOpener(line) : null;
            if (opener is null)
            {
                AddBreak(new LineBreak(after, blank ? BreakKind.Paragraph : BreakKind.Line, null, false));
                return;
            }

            openFence = opener;
            fenceHasContent = false;
            longestFence = Math.Max(longestFence, opener.Length);
            MarkParagraphBefore(start);
            AddBreak(new LineBreak(after, BreakKind.None, opener, true));
        }
        else if (known && openFence.IsClosedBy(line))
        {
            var closed = openFence;
            openFence = null;
            AddBreak(new LineBreak(after, BreakKind.Paragraph, null, true));
            DropCloserOfReopenedFence(closed, start, after);
        }
        else
        {
            fenceHasContent |= !blank;
            AddBreak(new LineBreak(after, fenceHasContent ? BreakKind.FenceLine : BreakKind.None, openFence, false));
        }
    }

    private void AddBreak(LineBreak lineBreak)
    {
        breaks.Add(lineBreak);
        if (lineBreak.Kind == BreakKind.Paragraph)
        {
            lastParagraph = lineBreak.Position;
        }
    }

    // A fence opener starts a block, so the line end before it is as good as a paragraph end.
    private void MarkParagraphBefore(int position)
    {
        if (breaks.Count > firstLiveBreak && breaks[^1] is { Kind: BreakKind.Line } previous
            && previous.Position == position)
        {
            breaks[^1] = previous with { Kind = BreakKind.Paragraph };
            lastParagraph = position;
        }
    }

    // The previous segment already closed this fence; its real closer would open an empty block.
    private void DropCloserOfReopenedFence(CodeFence closed, int closerStart, int after)
    {
        if (!ReferenceEquals(closed, carry) || (firstContent >= 0 && firstContent < closerStart) || head > closerStart)
        {
            return;
        }

        pendingBytes -= TextBoundaries.Utf8Bytes(Span(head, after));
        head = after;
        carry = null;
        PruneBreaks();
        FindFirstContent(head);
    }

    private void PruneBreaks()
    {
        while (firstLiveBreak < breaks.Count && breaks[firstLiveBreak].Position <= head)
        {
            firstLiveBreak++;
        }

        if (firstLiveBreak > 256 && firstLiveBreak > breaks.Count / 2)
        {
            breaks.RemoveRange(0, firstLiveBreak);
            firstLiveBreak = 0;
        }
    }

    private bool UnfinishedLineMayBeDelimiter()
    {
        if (end - lineStart > MaxDelimiterLine || lineStart < bufferBase)
        {
            return false;
        }

        var trimmed = Span(lineStart, end).TrimStart();
        return trimmed.StartsWith("```") || trimmed.StartsWith("~~~");
    }
}
