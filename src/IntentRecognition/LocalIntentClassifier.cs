using ChatOps.IntentRecognition.Local;

namespace ChatOps.IntentRecognition;

/// <summary>Offline, deterministic classifier for English and Chinese built on general lexicons: live-state
/// cues lead to <see cref="Intent.AwsOps"/> (only on clear evidence), documentation cues and the terms of the
/// knowledge summary to <see cref="Intent.KnowledgeBase"/>, chit-chat to <see cref="Intent.OffTopic"/>.
/// A short follow-up without cues of its own keeps the route of the previous user turn.</summary>
public sealed class LocalIntentClassifier : IIntentClassifier
{
    private const double ShortMessage = 6;
    private const double ShortFollowUp = 10;
    private const double InheritedConfidence = 0.6;

    private static readonly CueMatcher Lexicon = new(
        [.. EnglishLexicon.Groups, .. ChineseLexicon.Groups],
        [.. EnglishLexicon.Patterns, .. ChineseLexicon.Patterns]);

    private static readonly string[] FollowUpOpenings = ["and ", "what about", "how about", "same for", "also ", "then ", "那", "还有", "那么", "另外"];

    private readonly CueMatcher summary;

    /// <summary>Creates the classifier.</summary>
    /// <param name="knowledgeSummary">What the knowledge base covers (<c>KNOWLEDGE_SUMMARY</c>); its terms count as documentation cues.</param>
    /// <param name="awsProfiles">AWS profiles a question may name (<c>QCLI_AWS_PROFILES</c>); see <see cref="IntentResult.AwsProfile"/>.</param>
    public LocalIntentClassifier(string? knowledgeSummary = null, IReadOnlyList<string>? awsProfiles = null)
    {
        KnowledgeSummary = knowledgeSummary;
        AwsProfiles = awsProfiles ?? [];
        summary = SummaryTerms.Build(knowledgeSummary, Lexicon);
    }

    /// <summary>The knowledge summary the classifier was built with.</summary>
    public string? KnowledgeSummary { get; }

    /// <summary>The AWS profiles the classifier picks from when a message names one as a whole word.</summary>
    public IReadOnlyList<string> AwsProfiles { get; }

    /// <inheritdoc />
    public Task<IntentResult> ClassifyAsync(IntentRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Classify(request));
    }

    /// <summary>Classifies synchronously; never throws for any text.</summary>
    public IntentResult Classify(IntentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = ClassifyIntent(request);
        if (result.Intent == Intent.AwsOps && InjectionFilter.NamesALabel(CueMatcher.Normalise(request.Text ?? string.Empty)))
        {
            // Text written for a classifier shows intent to steer it: the route that runs the AWS CLI is never the answer.
            var safe = Weigh(Prepare(request.Text)).Default;
            result = Result(safe, 0.5, $"names a classifier label; not sent to {IntentLabels.AwsOps}");
        }

        return AwsProfiles.Count == 0 ? result : result with { AwsProfile = ProfileMention.Find(request.Text ?? string.Empty, AwsProfiles) };
    }

    private IntentResult ClassifyIntent(IntentRequest request)
    {
        var text = Prepare(request.Text);
        var evidence = Weigh(text);
        if (evidence.Decisive is { } decided)
        {
            return Result(decided, evidence.ConfidenceFor(decided), Explain(decided, evidence));
        }

        if (IsFollowUp(text) && PreviousRoute(request.History) is { } previous)
        {
            return Result(previous, InheritedConfidence, $"short follow-up keeps the previous route ({previous.ToLabel()})");
        }

        var fallback = evidence.Default;
        return Result(fallback, 0.5, fallback == Intent.KnowledgeBase
            ? $"in scope without live-state evidence ({evidence.Describe(CueKind.Domain)})"
            : "no operations topic found");
    }

    // Instructions aimed at a classifier are not part of the question (see InjectionFilter).
    private static string Prepare(string? text) => InjectionFilter.Strip(CueMatcher.Normalise(text ?? string.Empty));

    private Evidence Weigh(string normalised) => Evidence.From(Lexicon.Match(normalised), summary.Match(normalised));

    private static IntentResult Result(Intent intent, double confidence, string reason) =>
        new(intent, IntentResult.SourceLocal, confidence, reason);

    private static string Explain(Intent intent, Evidence evidence) => intent switch
    {
        Intent.AwsOps => $"live-state cues: {evidence.Describe(CueKind.Live)}",
        Intent.KnowledgeBase => $"documentation cues: {evidence.Describe(CueKind.Docs)}",
        _ => $"off-topic cues: {evidence.Describe(CueKind.OffTopic)}",
    };

    private static bool IsFollowUp(string normalised)
    {
        var latinWords = normalised.Split([' ', '\t', '\n', ',', '?', '!', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Count(w => !w.Any(CueMatcher.IsCjk));
        var size = latinWords + (normalised.Count(CueMatcher.IsCjk) / 2.0);
        var trimmed = normalised.Trim().TrimEnd('?', '!', '.', '。');
        var marked = FollowUpOpenings.Any(o => trimmed.StartsWith(o, StringComparison.Ordinal)) || trimmed.EndsWith('呢');
        return size <= ShortMessage || (marked && size <= ShortFollowUp);
    }

    // The latest recorded route of a user turn; unrecorded turns count when they decide by themselves.
    private Intent? PreviousRoute(IReadOnlyList<ConversationTurn>? history)
    {
        foreach (var turn in (history ?? []).Reverse().Where(t => t.Role == ConversationTurn.User))
        {
            if ((turn.Intent ?? Weigh(Prepare(turn.Text)).Decisive) is { } route)
            {
                return route;
            }
        }

        return null;
    }
}
