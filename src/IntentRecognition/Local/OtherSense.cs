namespace ChatOps.IntentRecognition.Local;

/// <summary>Whether a message has a word of another domain (<see cref="OtherSenseLexicon"/>): the weather, a programming
/// language's syntax, a car, a stock price, the river, cargo ships, music, wine, a career, a passport.</summary>
internal static class OtherSense
{
    private static readonly CueMatcher Matcher = new(OtherSenseLexicon.Groups, []);

    /// <summary>The first other-domain word in <paramref name="normalised"/> text, or null.</summary>
    public static string? Find(string normalised) => Matcher.Match(normalised) is [var first, ..] ? first.Name : null;
}
