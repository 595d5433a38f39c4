using System.Text.RegularExpressions;

namespace ChatOps.IntentRecognition.Local;

/// <summary>Whether a message has a word of another domain (<see cref="OtherSenseLexicon"/>): the weather, a programming
/// language's syntax, a car, a stock price, the river, cargo ships, music, wine, a career, a passport.</summary>
internal static partial class OtherSense
{
    private static readonly CueMatcher Matcher = new(OtherSenseLexicon.Groups, []);

    /// <summary>The first other-domain word in <paramref name="normalised"/> text, or null. Words inside a name such as
    /// <c>hotel-search-api</c>, <c>music_events</c>, <c>wine.example.com</c> or a path (<c>/playlist</c>) do not count:
    /// that is something operated.</summary>
    public static string? Find(string normalised) =>
        Matcher.Match(Path().Replace(Identifier().Replace(normalised, " "), " ")) is [var first, ..] ? first.Name : null;

    // Two patterns, not one alternation: each stays linear on a long run of letters (a 900 KB word).
    [GeneratedRegex(@"[a-z0-9]+(?:[-_.][a-z0-9]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(?<![a-z0-9])/[a-z0-9_\-./]+", RegexOptions.CultureInvariant)]
    private static partial Regex Path();
}
