using System.Globalization;

namespace ChatOps.LarkBotAdapter.Replies;

// Character-level facts the Segmenter needs: UTF-8 sizes, safe cut points, sentence ends.
internal static class TextBoundaries
{
    public static int Utf8Bytes(char c) => c switch
    {
        < (char)0x80 => 1,
        < (char)0x800 => 2,
        _ when char.IsSurrogate(c) => 2, // a pair is 4 bytes, 2 per half
        _ => 3,
    };

    public static int Utf8Bytes(ReadOnlySpan<char> text)
    {
        var total = 0;
        foreach (var c in text)
        {
            total += Utf8Bytes(c);
        }

        return total;
    }

    // True when cutting before next cannot break a code point or attach a mark to the wrong base.
    public static bool CanStartSegment(char next)
    {
        if (char.IsLowSurrogate(next) || next == '\u200D' || (next >= '\uFE00' && next <= '\uFE0F'))
        {
            return false;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(next);
        return category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark);
    }

    public static bool IsAsciiSentenceEnd(char c) => c is '.' or '!' or '?';

    public static bool IsCjkSentenceEnd(char c) => c is '。' or '！' or '？';

    // Closing quotes and brackets that belong to the sentence before a CJK sentence end.
    public static bool IsClosingPunctuation(char c) => c is '”' or '’' or '」' or '』' or '）' or ')' or '"' or '\'';

    // The last text-element boundary in (0, limit] of text, or 0 when the first element is longer.
    public static int LastTextElementBoundary(ReadOnlySpan<char> text, int limit)
    {
        var position = 0;
        while (position < text.Length)
        {
            var length = StringInfo.GetNextTextElementLength(text[position..]);
            if (position + length > limit)
            {
                break;
            }

            position += length;
        }

        if (position > 0)
        {
            return position;
        }

        // One text element longer than the cap (e.g. thousands of combining marks): cut between code points.
        var fallback = Math.Min(limit, text.Length);
        return fallback > 0 && char.IsHighSurrogate(text[fallback - 1]) ? fallback - 1 : fallback;
    }
}
