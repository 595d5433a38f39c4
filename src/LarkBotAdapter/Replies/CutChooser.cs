namespace ChatOps.LarkBotAdapter.Replies;

// Finds where pending text may be cut: line ends from the index, and sentence or word starts inside a line,
// never inside code unless a cut is forced.
internal sealed class CutChooser(CharWindow window, LineTracker lines)
{
    // A cut for pending text over a cap: the best one within the budgets, else the longest run of text
    // elements that fits.
    public int Forced(int head, CodeFence? carry, int chars, int bytes)
    {
        var limit = WindowLimit(head, chars, bytes);
        var cut = Choose(head, carry, limit, head + ((limit - head) / 2), forced: true);
        if (cut <= head)
        {
            // One "word" longer than the cap: split it, but never inside a text element.
            cut = head + TextBoundaries.LastTextElementBoundary(window.Span(head, window.End), limit - head);
        }

        return Math.Max(cut, head + 1);
    }

    // A cut for a quiet stream: at the end when that leaves no open line or empty block, else the best one.
    public int Quiet(int head, CodeFence? carry)
    {
        var end = window.End;
        var last = window[end - 1];
        var cutAtEnd = last == '\n'
            ? lines.Fences.Open is null || lines.Fences.HasContent
            : char.IsWhiteSpace(last) && lines.Fences.Open is null && !lines.UnfinishedLineMayBeDelimiter();
        return cutAtEnd ? end : Choose(head, carry, end, head + ((end - head) / 2), forced: false);
    }

    // Best cut in (head, limit]: paragraph, then line, then code line, then sentence end, then space — the first
    // kind whose last candidate reaches minimum; otherwise the furthest candidate; -1 if none.
    public int Choose(int head, CodeFence? carry, int limit, int minimum, bool forced)
    {
        var breaks = lines.Breaks;
        int paragraph = -1, line = -1, codeLine = -1;
        for (var i = breaks.LastAtOrBefore(limit); i >= breaks.FirstLive && breaks[i].Position > head; i--)
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
            var (sentence, word) = FindInLineCuts(head, carry, Math.Min(limit, window.End - 1), forced);
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

    // Last sentence start and last word start at or before from where a line may be cut.
    private (int Sentence, int Word) FindInLineCuts(int head, CodeFence? carry, int from, bool forced)
    {
        int sentence = -1, word = -1;
        for (var p = from; p > head && (sentence < 0 || word < 0); p--)
        {
            var next = window[p];
            if (char.IsWhiteSpace(next) || !TextBoundaries.CanStartSegment(next))
            {
                continue;
            }

            var previous = window[p - 1];
            bool isSentence, isWord;
            if (previous is ' ' or '\t')
            {
                var q = p - 1;
                while (q > head && window[q] is ' ' or '\t')
                {
                    q--;
                }

                // Whitespace reaching the line start is indentation, not a gap between words.
                if (q < head || char.IsWhiteSpace(window[q]))
                {
                    continue;
                }

                isWord = true;
                isSentence = EndsSentence(head, q, ascii: true);
            }
            else
            {
                isWord = false;
                isSentence = !TextBoundaries.IsClosingPunctuation(next) && EndsSentence(head, p - 1, ascii: false);
            }

            if ((isSentence && sentence < 0) || (isWord && word < 0))
            {
                var fence = lines.FenceAtLineOf(p, carry, out var delimiterLine);
                var inCode = fence is not null || delimiterLine;
                sentence = isSentence && sentence < 0 && !inCode ? p : sentence;
                word = isWord && word < 0 && (!inCode || (forced && !delimiterLine)) ? p : word;
            }
        }

        return (sentence, word);
    }

    private bool EndsSentence(int head, int position, bool ascii)
    {
        var c = window[position];
        if (TextBoundaries.IsClosingPunctuation(c) && position > head)
        {
            c = window[position - 1];
        }

        return TextBoundaries.IsCjkSentenceEnd(c) || (ascii && TextBoundaries.IsAsciiSentenceEnd(c));
    }

    // The furthest offset such that [head, limit) fits both budgets.
    private int WindowLimit(int head, int chars, int bytes)
    {
        int used = 0, position = head;
        while (position < window.End && position - head < chars)
        {
            var size = TextBoundaries.Utf8Bytes(window[position]);
            if (used + size > bytes)
            {
                break;
            }

            used += size;
            position++;
        }

        return position < window.End && position > head && char.IsHighSurrogate(window[position - 1]) ? position - 1 : position;
    }
}
