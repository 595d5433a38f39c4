using System.Text.RegularExpressions;

namespace ChatOps.LarkBotAdapter.Scrubbing;

// A name/value pair ("name": "DB_PASSWORD", … "value": "…") is masked only when both halves are scrubbed together, so
// a pair with a secret name is held until its value has arrived, or until so much text followed that it is no pair.
internal sealed partial class StreamScrubber
{
    private const int PairWindow = 1200; // a pair's fields and a value of up to about a thousand characters

    private int HoldNameValuePairs(int cut)
    {
        if (cut <= 0)
        {
            return cut;
        }
        var windowStart = Math.Max(0, cut - PairWindow);
        foreach (var open in NameFieldAwaitingName().EnumerateMatches(buffer.AsSpan(windowStart, cut - windowStart)))
        {
            cut = windowStart + open.Index; // "name": at the cut, its name not here yet
        }
        foreach (var field in SecretNameField().EnumerateMatches(buffer.AsSpan(windowStart, Math.Max(0, cut - windowStart))))
        {
            var start = windowStart + field.Index;
            var pair = -1;
            foreach (var whole in CompletePair().EnumerateMatches(buffer.AsSpan(start, length - start)))
            {
                pair = whole.Length;
            }
            if (pair < 0 ? length - start < PairWindow : start + pair > cut)
            {
                return start;
            }
        }
        return cut;
    }

    [GeneratedRegex(
        @"(?:""(?:name|key|parameterkey|optionname)""[ \t\r\n]{0,64}:[ \t\r\n]{0,64}""?|\b(?:name|key|parameterkey|optionname):[ \t]{0,8})\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameFieldAwaitingName();

    // The name half of a pair whose name ends in a secret key word.
    [GeneratedRegex(
        @"""(?:name|key|parameterkey|optionname)""[ \t\r\n]{0,64}:[ \t\r\n]{0,64}""[A-Za-z0-9_./\-]{0,256}(?:" + SecretScrubber.SecretKeyWords + @")"""
        + @"|\b(?:name|key|parameterkey|optionname):[ \t]{1,8}[""']?[A-Za-z0-9_./\-]{0,256}(?:" + SecretScrubber.SecretKeyWords + @")[""']?[ \t]{0,8}(?:\r?\n|\z)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretNameField();

    // A whole pair from its name to the end of its value (a closing quote, a delimiter or the end of the line).
    [GeneratedRegex(
        @"\A(?:" + SecretScrubber.JsonPairHead + @"(?:""(?:[^""\\\r\n]|\\.){0,2048}""|[^\s""',}\]]{1,2048}(?=[\s,}\]]))"
        + @"|" + SecretScrubber.YamlPairHead + @"[^\r\n]{0,2048}\r?\n)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompletePair();
}
