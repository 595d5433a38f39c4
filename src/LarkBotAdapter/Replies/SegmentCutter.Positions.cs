namespace ChatOps.LarkBotAdapter.Replies;

/// <summary>Cut points inside lines, and the fence state at a position.</summary>
internal sealed partial class SegmentCutter
{
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
}
