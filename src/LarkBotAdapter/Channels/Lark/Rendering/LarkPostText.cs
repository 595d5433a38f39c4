using System.Globalization;
using System.Text;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Rendering;

// Character-level clean-up of message text and compaction of serialized JSON.
internal static class LarkPostText
{
    // Removes control characters except newline and tab (ANSI escape sequences as a whole, so no "[31m" is left)
    // and replaces unpaired surrogates with U+FFFD.
    public static string Sanitize(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var skip = 0;
            string? replacement = null;
            if (c == '\u001b')
            {
                skip = EscapeSequenceLength(text, i);
            }
            else if (char.IsControl(c) && c is not '\n' and not '\t')
            {
                skip = 1;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            else if (char.IsSurrogate(c))
            {
                skip = 1;
                replacement = "\uFFFD";
            }

            if (skip == 0)
            {
                clean?.Append(c);
                continue;
            }

            clean ??= new StringBuilder(text.Length).Append(text, 0, i);
            clean.Append(replacement);
            i += skip - 1;
        }

        return clean?.ToString() ?? text;
    }

    // Turns the \uXXXX escapes System.Text.Json writes for emoji and a few other printable characters back
    // into the characters: valid JSON either way, but an emoji shrinks from 12 bytes to 4.
    public static string UnescapeNonAscii(string json)
    {
        var index = json.IndexOf("\\u", StringComparison.Ordinal);
        if (index < 0)
        {
            return json;
        }

        var result = new StringBuilder(json.Length);
        var i = 0;
        while (i < json.Length)
        {
            if (json[i] != '\\')
            {
                result.Append(json[i++]);
                continue;
            }

            if (json[i + 1] != 'u')
            {
                result.Append(json, i, 2);
                i += 2;
                continue;
            }

            var code = Hex(json, i + 2);
            if (char.IsHighSurrogate(code) && i + 12 <= json.Length && json[i + 6] == '\\' && json[i + 7] == 'u'
                && char.IsLowSurrogate(Hex(json, i + 8)))
            {
                result.Append(code).Append(Hex(json, i + 8));
                i += 12;
            }
            else if (code >= ' ' && !char.IsSurrogate(code) && code is not '"' and not '\\')
            {
                result.Append(code);
                i += 6;
            }
            else
            {
                result.Append(json, i, 6);
                i += 6;
            }
        }

        return result.ToString();
    }

    private static char Hex(string json, int at) =>
        (char)int.Parse(json.AsSpan(at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    // ESC [ parameters final-byte (CSI), or ESC plus one character.
    private static int EscapeSequenceLength(string text, int start)
    {
        if (start + 1 >= text.Length)
        {
            return 1;
        }

        if (text[start + 1] != '[')
        {
            return 2;
        }

        var i = start + 2;
        while (i < text.Length && text[i] is < '\u0040' or > '\u007e')
        {
            i++;
        }

        return Math.Min(i + 1, text.Length) - start;
    }
}
