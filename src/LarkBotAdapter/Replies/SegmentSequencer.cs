namespace ChatOps.LarkBotAdapter.Replies;

// Numbers segments and holds back the most recent one until it is known not to be the last, so exactly one
// segment of a non-empty answer is final.
internal sealed class SegmentSequencer
{
    private string? held;
    private int nextIndex;

    public bool HasHeld => held is not null;

    // A new segment is ready: the held one is now known not to be the last.
    public void Push(string text, List<Segment> output)
    {
        Release(output);
        held = text;
    }

    // More text follows the held segment, so it can go out as non-final.
    public void Release(List<Segment> output)
    {
        if (held is not null)
        {
            output.Add(new Segment(nextIndex++, held, IsFinal: false));
            held = null;
        }
    }

    // The stream is quiet and nothing else is pending: send all of the held segment but its last line (or last
    // sentence of a one-line segment), which stays held so a final segment can still follow.
    public void ReleaseAllButTail(List<Segment> output)
    {
        if (held is null || TailStart(held) is not (> 0 and var split))
        {
            return;
        }

        output.Add(new Segment(nextIndex++, held[..split].TrimEnd(), IsFinal: false));
        held = held[split..];
    }

    // The stream ended: the held segment is the final one.
    public void Finish(List<Segment> output)
    {
        if (held is not null)
        {
            output.Add(new Segment(nextIndex++, held, IsFinal: true));
            held = null;
        }
    }

    // Start of the last non-blank line outside code fences that has text before it; -1 if none.
    private static int TailStart(string text)
    {
        int position = 0, tail = -1;
        var seenText = false;
        CodeFence? fence = null;
        while (position < text.Length)
        {
            var newline = text.IndexOf('\n', position);
            var line = text.AsSpan(position, (newline < 0 ? text.Length : newline) - position);
            var blank = line.IsWhiteSpace();
            if (fence is null && seenText && !blank)
            {
                tail = position;
            }

            fence = fence is null ? CodeFence.TryParseOpener(line) : fence.IsClosedBy(line) ? null : fence;
            seenText |= !blank;
            if (newline < 0)
            {
                break;
            }

            position = newline + 1;
        }

        return tail > 0 || text.Contains('\n') ? tail : LastSentenceStart(text);
    }

    private static int LastSentenceStart(string text)
    {
        for (var i = text.Length - 1; i > 0; i--)
        {
            var previous = text[i - 1];
            var startsSentence = !char.IsWhiteSpace(text[i]) && TextBoundaries.CanStartSegment(text[i])
                && (TextBoundaries.IsCjkSentenceEnd(previous)
                    || (char.IsWhiteSpace(previous) && i > 1 && (TextBoundaries.IsAsciiSentenceEnd(text[i - 2])
                        || TextBoundaries.IsCjkSentenceEnd(text[i - 2]))));
            if (startsSentence)
            {
                return i;
            }
        }

        return -1;
    }
}
