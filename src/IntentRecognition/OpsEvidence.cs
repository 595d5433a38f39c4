using ChatOps.IntentRecognition.Local;
using ChatOps.IntentRecognition.Model;

namespace ChatOps.IntentRecognition;

/// <summary>What the lexicons say about a message that the model cannot: whether it names something the team operates,
/// in its ops sense, and whether it asks for documents. <see cref="LocalIntentClassifier"/> gates the ops route on it.</summary>
internal static class OpsEvidence
{
    public static readonly CueMatcher Lexicon = new(
        [.. EnglishLexicon.Groups, .. ChineseLexicon.Groups],
        [.. EnglishLexicon.Patterns, .. ChineseLexicon.Patterns]);

    // The ops route needs at least one word of the ops lexicon (something the team runs, or live state: "latency",
    // "how many", "生产") or a resource id: a sentence whose ops look comes only from its frame ("is … still drivable
    // end to end?") and a noun the lexicon does not know is chat, however sure the model is.
    public static bool NamesSomethingOperated(string normalised) =>
        Lexicon.Match(normalised).Any(hit => hit.Kind is CueKind.Live or CueKind.Domain) || NamesAResource(normalised);

    // ...and uses it in its ops sense: next to a word of another domain (the clouds of the weather, a Java lambda
    // expression, an Audi S3, the AWS stock price) the ops word means something else, unless a resource id is named.
    public static bool InOpsSense(string normalised) =>
        NamesSomethingOperated(normalised) && (NamesAResource(normalised) || OtherSense.Find(normalised) is null);

    public static bool NamesAResource(string normalised) =>
        !string.Equals(QuestionFeatures.Prepare(normalised), normalised, StringComparison.Ordinal);

    // A strong documentation cue ("policy", "according to", "runbook", "how do I"): the question may be about the
    // team's rules on that other domain (a travel policy), so the model's knowledge_base stands.
    public static bool AsksForDocuments(string normalised) =>
        Lexicon.Match(normalised).Any(hit => hit.Kind == CueKind.Docs && hit.Weight >= 3);
}
