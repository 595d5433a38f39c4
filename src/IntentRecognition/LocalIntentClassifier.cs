using ChatOps.IntentRecognition.Local;
using ChatOps.IntentRecognition.Model;

namespace ChatOps.IntentRecognition;

/// <summary>Offline, deterministic classifier for English and Chinese: a model trained on the labelled questions in
/// <c>Data/intent-train.tsv</c> (word and character n-grams, maximum entropy), with rules around it. Text addressed to
/// a classifier is removed before scoring and a message that names a label never reaches <see cref="Intent.AwsOps"/>;
/// terms of the knowledge summary raise <see cref="Intent.KnowledgeBase"/>; <see cref="Intent.AwsOps"/> needs a clear
/// win; a short follow-up the model is unsure about keeps the route of the previous user turn. The model is loaded on
/// the first classification, not when the classifier is built.</summary>
public sealed class LocalIntentClassifier : IIntentClassifier
{
    private const double ShortMessage = 6;
    private const double ShortFollowUp = 10;

    // Thanks and acknowledgements end a thread; they are not a follow-up question.
    private static readonly string[] Closings = ["thanks", "thank you", "thx", "ty", "ok", "okay", "got it", "cool", "great", "谢谢", "多谢", "感谢", "好的", "收到", "明白了"];

    private static readonly string[] FollowUpOpenings = ["and ", "what about", "how about", "same for", "also ", "then ", "那", "还有", "那么", "另外"];

    private readonly CueMatcher summary;
    private readonly HashSet<string> operatorWords;
    private readonly Lazy<IntentModel> model;

    /// <summary>Creates the classifier.</summary>
    /// <param name="knowledgeSummary">What the knowledge base covers (<c>KNOWLEDGE_SUMMARY</c>); its terms raise <see cref="Intent.KnowledgeBase"/>.</param>
    /// <param name="awsProfiles">AWS profiles a question may name (<c>QCLI_AWS_PROFILES</c>); see <see cref="IntentResult.AwsProfile"/>.</param>
    public LocalIntentClassifier(string? knowledgeSummary = null, IReadOnlyList<string>? awsProfiles = null)
        : this(knowledgeSummary, awsProfiles, static () => BundledIntentModel.Instance)
    {
    }

    internal LocalIntentClassifier(string? knowledgeSummary, IReadOnlyList<string>? awsProfiles, Func<IntentModel> loadModel)
    {
        KnowledgeSummary = knowledgeSummary;
        AwsProfiles = awsProfiles ?? [];
        summary = SummaryTerms.Build(knowledgeSummary, OpsEvidence.Lexicon);
        // The operator's own words (what the knowledge base covers, the profiles' names) are never another domain's.
        operatorWords = [.. DomainVocabulary.Words(CueMatcher.Normalise(string.Join(' ', [knowledgeSummary ?? string.Empty, .. AwsProfiles])))];
        model = new Lazy<IntentModel>(loadModel, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The knowledge summary the classifier was built with.</summary>
    public string? KnowledgeSummary { get; }

    /// <summary>The AWS profiles the classifier picks from when a message names one as a whole word.</summary>
    public IReadOnlyList<string> AwsProfiles { get; }

    /// <summary>Whether this classifier has loaded its model yet (it does so on the first classification).</summary>
    internal bool ModelLoaded => model.IsValueCreated;

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
        return AwsProfiles.Count == 0 ? result : result with { AwsProfile = ProfileMention.Find(request.Text ?? string.Empty, AwsProfiles) };
    }

    private IntentResult ClassifyIntent(IntentRequest request)
    {
        var normalised = CueMatcher.Normalise(request.Text ?? string.Empty);
        // Text written for a classifier shows intent to steer it: the route that runs the AWS CLI is never the answer.
        var steered = InjectionFilter.NamesALabel(normalised);
        var text = InjectionFilter.Strip(normalised);
        if (!text.Any(char.IsLetterOrDigit))
        {
            return Result(Intent.OffTopic, 1, "nothing to classify");
        }

        if (Closings.Contains(text.Trim().TrimEnd('!', '.', '。', '！', '~', ' ')))
        {
            return Result(Intent.OffTopic, 1, "a thank-you or acknowledgement");
        }

        var (scores, coverage) = Score(text);
        if (coverage > IntentDecision.SummaryCoverage && Size(text) >= 4 && !steered)
        {
            return Result(Intent.KnowledgeBase, Math.Max(scores.KnowledgeBase, 0.5), "mostly terms of the knowledge summary");
        }

        var otherSense = OpsEvidence.NamesAResource(text) ? null : OtherSense.Find(text);
        var foreign = otherSense is null && !OpsEvidence.NamesAResource(text) && model.Value.Vocabulary.Measure(text, operatorWords).ReadsAsAnotherDomain;
        var awsAllowed = OpsAllowed(text, scores, steered, foreign);
        var decided = Settle(IntentDecision.Decide(scores, awsAllowed), scores, text, otherSense is not null || foreign);
        var top = Math.Max(scores.KnowledgeBase, Math.Max(scores.AwsOps, scores.OffTopic));
        // A bare follow-up ("why?", "and in prod?") keeps the thread's route (the model is sure of anything on two words);
        // a longer one that opens like a follow-up ("and what does …") only when the model is unsure.
        if (FollowUp(text) is { } followUp && (followUp.Bare || top < IntentDecision.FollowUpConfidence))
        {
            if (PreviousRoute(request.History) is { } previous && !(steered && previous == Intent.AwsOps))
            {
                return Result(previous, scores[previous], $"short follow-up keeps the previous route ({previous.ToLabel()})");
            }

            if (followUp.Marked)
            {
                // "and in prod?" without a thread cannot say which service or cluster it means.
                decided = IntentDecision.Decide(scores, awsAllowed: false);
            }
        }

        var reason = steered
            ? $"names a classifier label; not sent to {IntentLabels.AwsOps}"
            : $"model: {IntentLabels.KnowledgeBase} {scores.KnowledgeBase:0.00}, {IntentLabels.AwsOps} {scores.AwsOps:0.00}, {IntentLabels.OffTopic} {scores.OffTopic:0.00}"
              + (otherSense is null ? string.Empty : $"; \"{otherSense}\" is another domain")
              + (foreign ? "; most of its words are not the team's" : string.Empty);
        return Result(decided, scores[decided], reason);
    }

    // The ops route needs an ops word in its ops sense and no request for documents without a clear win. A question
    // whose only ops words are everyday ones ("deploy", "role", "报警") and that names nothing of ours also needs a clear
    // win and its words to be mostly the team's (not foreign): "how many troops did the Allies deploy" is history,
    // however sure the model is of "how many … deploy".
    private static bool OpsAllowed(string text, IntentScores scores, bool steered, bool foreign)
    {
        if (steered || (scores.AwsOps < IntentDecision.ClearWin && OpsEvidence.AsksForDocuments(text)))
        {
            return false;
        }

        // "按部署文档，先发 us-east-1 还是 eu-west-1？" names a document: the answer is in it, unless the model is all but
        // certain or a resource id says the question is about a running thing.
        if (scores.AwsOps < IntentDecision.DocumentWin && OpsEvidence.NamesADocument(text) && !OpsEvidence.NamesAResource(text))
        {
            return false;
        }

        return scores.Best() != Intent.AwsOps
               || (OpsEvidence.InOpsSense(text)
                   && (OpsEvidence.NamesSomethingOnlyOpsHas(text)
                       || (!foreign && (OpsEvidence.NamesSomethingOfOurs(text) || scores.AwsOps >= IntentDecision.ClearWin))));
    }

    // Between knowledge and chat, the words decide when the model is unsure: "is the Audi S3 reliable?" reads like a
    // question about a documented thing, but the car (or words the team never uses: "soundtrack", "Interstellar") says
    // it is not ours; "what's the procedure when a Route 53 health check flips?" reads like chat to a model that never saw
    // "flips", but it asks for documents about something we operate.
    private static Intent Settle(Intent decided, IntentScores scores, string text, bool anotherDomain)
    {
        if (anotherDomain && decided == Intent.KnowledgeBase && scores.KnowledgeBase < IntentDecision.OtherSenseKnowledge && !OpsEvidence.AsksForDocuments(text))
        {
            return Intent.OffTopic;
        }

        if (!anotherDomain && decided == Intent.OffTopic && scores.OffTopic < IntentDecision.DocumentsOverChat
            && OpsEvidence.AsksForDocuments(text) && OpsEvidence.NamesSomethingOperated(text))
        {
            return Intent.KnowledgeBase;
        }

        return decided;
    }

    // The model's scores after the knowledge-summary boost, and how much of the text the summary's terms cover (0..1).
    private (IntentScores Scores, double Coverage) Score(string text)
    {
        var raw = model.Value.Predict(text);
        var hits = summary.Match(text);
        var weight = 0.0;
        for (var i = 0; i < hits.Count; i++)
        {
            weight += hits[i].Weight;
        }

        // A whole-word term weighs 1.5 (see SummaryTerms): coverage is the share of words that are summary terms.
        var coverage = weight == 0 ? 0 : Math.Min(1, weight / (1.5 * Math.Max(1, Size(text))));
        return (IntentDecision.Boost(raw, weight), coverage);
    }

    private static IntentResult Result(Intent intent, double confidence, string reason) =>
        new(intent, IntentResult.SourceLocal, Math.Round(confidence, 2), reason);

    // Words, counting two Chinese characters as one.
    private static double Size(string normalised) =>
        normalised.Split([' ', '\t', '\n', ',', '?', '!', '.'], StringSplitOptions.RemoveEmptyEntries).Count(w => !w.Any(CueMatcher.IsCjk))
        + (normalised.Count(CueMatcher.IsCjk) / 2.0);

    // Short (bare), or opening like a follow-up ("and …", "what about …", "那…", "…呢") and not long; null otherwise.
    private static (bool Bare, bool Marked)? FollowUp(string normalised)
    {
        var size = Size(normalised);
        var trimmed = normalised.Trim().TrimEnd('?', '!', '.', '。', '？');
        var marked = FollowUpOpenings.Any(o => trimmed.StartsWith(o, StringComparison.Ordinal)) || trimmed.EndsWith('呢');
        return size <= ShortMessage || (marked && size <= ShortFollowUp) ? (size <= ShortMessage, marked) : null;
    }

    // The latest recorded route of a user turn; an unrecorded turn counts with the route the model gives it.
    private Intent? PreviousRoute(IReadOnlyList<ConversationTurn>? history)
    {
        foreach (var turn in (history ?? []).Reverse().Where(t => t.Role == ConversationTurn.User))
        {
            if (turn.Intent is { } recorded)
            {
                return recorded;
            }

            var normalised = CueMatcher.Normalise(turn.Text);
            var text = InjectionFilter.Strip(normalised);
            if (text.Any(char.IsLetterOrDigit))
            {
                return IntentDecision.Decide(Score(text).Scores, awsAllowed: !InjectionFilter.NamesALabel(normalised) && OpsEvidence.InOpsSense(text));
            }
        }

        return null;
    }
}
