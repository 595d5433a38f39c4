using System.Globalization;
using System.Text;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Tests.Replies;

/// <summary>Properties every segmentation must have, checked against the original text.</summary>
internal static class SegmentChecks
{
    public static void AssertWellFormed(string input, IReadOnlyList<Segment> segments, SegmenterOptions options)
    {
        Assert.NotEmpty(segments);
        Assert.Equal(Enumerable.Range(0, segments.Count), segments.Select(s => s.Index));
        Assert.Single(segments, s => s.IsFinal);
        Assert.True(segments[^1].IsFinal, "the last segment is the final one");
        foreach (var segment in segments)
        {
            var text = segment.Markdown;
            Assert.False(string.IsNullOrWhiteSpace(text), $"segment {segment.Index} is blank");
            Assert.Equal(text.TrimEnd(), text);
            Assert.InRange(text.Length, 1, options.MaxChars);
            Assert.InRange(Encoding.UTF8.GetByteCount(text), 1, options.MaxUtf8Bytes);
            Assert.True(IsWellFormedUtf16(text), $"segment {segment.Index} splits a surrogate pair");
            Assert.False(IsCombining(text[0]), $"segment {segment.Index} starts with a combining mark");
            Assert.True(FencesBalanced(text), $"segment {segment.Index} leaves a code fence open:\n{text}");
        }

        AssertReassembles(input, segments);
    }

    /// <summary>Each segment, less fences added around a split code block, is the next piece of the input; cuts fall on boundaries.</summary>
    public static void AssertReassembles(string input, IReadOnlyList<Segment> segments)
    {
        var position = 0;
        foreach (var segment in segments)
        {
            var (start, length) = Locate(input, position, segment.Markdown);
            Assert.True(start >= 0, $"segment {segment.Index} is not the next text of the input:\n{segment.Markdown}");
            if (segment.Index > 0)
            {
                Assert.True(IsCut(input, start), $"segment {segment.Index} starts inside a word: …{Around(input, start)}…");
            }

            position = start + length;
            if (position < input.Length && !segment.IsFinal)
            {
                Assert.True(IsCut(input, position), $"segment {segment.Index} ends inside a word: …{Around(input, position)}…");
            }
        }

        Assert.True(string.IsNullOrWhiteSpace(input[position..]), "text after the last segment was lost");
    }

    public static bool FencesBalanced(string text)
    {
        string? open = null;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (open is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                open = new string(trimmed[0], trimmed.TakeWhile(c => c == trimmed[0]).Count());
            }
            else if (open is not null && trimmed.Length >= open.Length && trimmed.All(c => c == open[0]))
            {
                open = null;
            }
        }

        return open is null;
    }

    public static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static (int Start, int Length) Locate(string input, int position, string segment)
    {
        var lines = segment.Split('\n');
        var reopened = lines.Length > 1 && IsFenceLine(lines[0]) ? lines[0].Length + 1 : 0;
        var closed = lines.Length > 1 && lines[^1].Length >= 3 && lines[^1].All(c => c is '`' or '~') ? lines[^1].Length + 1 : 0;
        foreach (var (skip, drop) in new[] { (0, 0), (0, closed), (reopened, 0), (reopened, closed) })
        {
            var body = segment[skip..^drop];
            var start = input.IndexOf(body, position, StringComparison.Ordinal);
            if (body.Length > 0 && start >= 0 && string.IsNullOrWhiteSpace(input[position..start]))
            {
                return (start, body.Length);
            }
        }

        return (-1, 0);
    }

    private static bool IsFenceLine(string line) =>
        line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal);

    // A cut is fine after whitespace or a CJK sentence end, never between two letters of a word.
    private static bool IsCut(string input, int position) =>
        position == 0 || position == input.Length || char.IsWhiteSpace(input[position - 1])
        || char.IsWhiteSpace(input[position]) || "。！？”".Contains(input[position - 1], StringComparison.Ordinal);

    private static bool IsCombining(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static string Around(string input, int position) =>
        input[Math.Max(0, position - 20)..Math.Min(input.Length, position + 20)];
}
