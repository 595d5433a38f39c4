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
