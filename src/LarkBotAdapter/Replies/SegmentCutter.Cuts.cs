using System.Text;

namespace ChatOps.LarkBotAdapter.Replies;

/// <summary>Choosing cut points and building segment text.</summary>
internal sealed partial class SegmentCutter
{
    private void ForcedCut(List<string> output)
    {
        var limit = WindowLimit();
        var cut = ChooseCut(limit, head + ((limit - head) / 2), forced: true);
        if (cut <= head)
        {
            // One "word" longer than the cap: split it, but never inside a text element.
            cut = head + TextBoundaries.LastTextElementBoundary(Span(head, end), limit - head);
        }

        Cut(Math.Max(cut, head + 1), output);
    }

    /// <summary>The furthest offset such that [head, limit) fits both caps with the fences the segment may need.</summary>
    private int WindowLimit()
    {
        int chars = CharBudget, bytes = ByteBudget, used = 0, position = head;
        while (position < end && position - head < chars)
        {
            var size = TextBoundaries.Utf8Bytes(At(position));
            if (used + size > bytes)
            {
                break;
            }

            used += size;
            position++;
        }

        return position < end && position > head && char.IsHighSurrogate(At(position - 1)) ? position - 1 : position;
    }

    /// <summary>
    /// Best cut in (head, limit]: paragraph, then line, then code line, then sentence end, then space — the first
    /// kind whose last candidate reaches <paramref name="minimum"/>; otherwise the furthest candidate; -1 if none.
    /// </summary>
    private int ChooseCut(int limit, int minimum, bool forced)
    {
        int paragraph = -1, line = -1, codeLine = -1;
        for (var i = LastBreakAtOrBefore(limit); i >= firstLiveBreak && breaks[i].Position > head; i--)
        {
            var candidate = breaks[i];
            switch (candidate.Kind)
            {
                case BreakKind.Paragraph when paragraph < 0: paragraph = candidate.Position; break;
                case BreakKind.Line when line < 0: line = candidate.Position; break;
                case BreakKind.FenceLine when codeLine < 0: codeLine = candidate.Position; break;
            }

            if (paragraph >= 0 && line >= 0 && codeLine >= 0)
            {
                break;
            }
        }

        if (Math.Max(paragraph, Math.Max(line, codeLine)) < minimum)
        {
            var (sentence, word) = FindInLineCuts(Math.Min(limit, end - 1), forced);
            foreach (var candidate in (ReadOnlySpan<int>)[sentence, word])
            {
                if (candidate >= minimum)
                {
                    return candidate;
                }
            }

            return Math.Max(Math.Max(paragraph, line), Math.Max(codeLine, Math.Max(sentence, word)));
        }

        return paragraph >= minimum ? paragraph : line >= minimum ? line : codeLine;
    }

    /// <summary>Last sentence start and last word start at or before <paramref name="from"/> where a line may be cut.</summary>
    private (int Sentence, int Word) FindInLineCuts(int from, bool forced)
    {
        int sentence = -1, word = -1;
        for (var p = from; p > head && (sentence < 0 || word < 0); p--)
        {
            var next = At(p);
            if (char.IsWhiteSpace(next) || !TextBoundaries.CanStartSegment(next))
            {
                continue;
            }

            var previous = At(p - 1);
            bool isSentence, isWord;
            if (previous is ' ' or '\t')
            {
                var q = p - 1;
                while (q > head && At(q) is ' ' or '\t')
                {
                    q--;
                }

                // Whitespace reaching the line start is indentation, not a gap between words.
                if (q < head || char.IsWhiteSpace(At(q)))
                {
                    continue;
                }

                isWord = true;
                isSentence = EndsSentence(q, ascii: true);
            }
            else
            {
                isWord = false;
                isSentence = !TextBoundaries.IsClosingPunctuation(next) && EndsSentence(p - 1, ascii: false);
            }

            if ((isSentence && sentence < 0) || (isWord && word < 0))
            {
                var fence = StateOfLineAt(p, out var delimiterLine);
                var inCode = fence is not null || delimiterLine;
                sentence = isSentence && sentence < 0 && !inCode ? p : sentence;
                word = isWord && word < 0 && (!inCode || (forced && !delimiterLine)) ? p : word;
            }
        }

        return (sentence, word);
    }

    private bool EndsSentence(int position, bool ascii)
    {
        var c = At(position);
        if (TextBoundaries.IsClosingPunctuation(c) && position > head)
        {
            c = At(position - 1);
        }

        return TextBoundaries.IsCjkSentenceEnd(c) || (ascii && TextBoundaries.IsAsciiSentenceEnd(c));
    }

    /// <summary>Fence open at the start of the line holding <paramref name="position"/>, and whether that line is a delimiter.</summary>
    private CodeFence? StateOfLineAt(int position, out bool delimiterLine)
    {
        var previous = LastBreakAtOrBefore(position);
        var nextIndex = previous + 1;
        delimiterLine = nextIndex < breaks.Count ? breaks[nextIndex].EndsDelimiterLine : UnfinishedLineMayBeDelimiter();
        return previous >= firstLiveBreak ? breaks[previous].After : carry;
    }

    private int LastBreakAtOrBefore(int position)
    {
        int low = firstLiveBreak, high = breaks.Count - 1, found = firstLiveBreak - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (breaks[middle].Position <= position)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    private void Cut(int position, List<string> output)
    {
        var fenceAtCut = position == end ? openFence : StateOfLineAt(position, out _);
        if (Build(position, fenceAtCut) is { } text)
        {
            output.Add(text);
        }

        pendingBytes -= TextBoundaries.Utf8Bytes(Span(head, position));
        head = position;
        carry = fenceAtCut;
        PruneBreaks();
        if (firstContent < head)
        {
            FindFirstContent(head);
        }
    }

    private string? Build(int position, CodeFence? fenceAtCut)
    {
        var body = Span(head, position);
        var skip = 0;
        for (var i = 0; i < body.Length && char.IsWhiteSpace(body[i]); i++)
        {
            skip = body[i] == '\n' ? i + 1 : skip;
        }

        body = body[skip..];
        var reopen = carry;
        if (reopen is not null)
        {
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
        if (fenceAtCut is not null)
        {
            text.Append('\n').Append(fenceAtCut.Closer);
        }

        return text.ToString();
    }
}
