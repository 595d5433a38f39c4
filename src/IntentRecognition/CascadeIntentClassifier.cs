using ChatOps.IntentRecognition.Local;
using Microsoft.Extensions.Logging;

namespace ChatOps.IntentRecognition;

/// <summary>Local first, Bedrock when unsure: the embedded classifier answers when its confidence reaches
/// <see cref="LocalConfidence"/>, otherwise <paramref name="remote"/> decides (the <see cref="FallbackIntentClassifier"/>
/// around Bedrock, so a failed call still ends in a local answer). <see cref="IntentResult.Source"/> says which path
/// decided. Whoever decides, a message that names a classifier label never reaches <see cref="Intent.AwsOps"/>: a remote
/// <c>aws_ops</c> verdict for it is replaced by the local one.</summary>
/// <param name="local">The embedded classifier.</param>
/// <param name="remote">Asked when the local classifier is unsure.</param>
/// <param name="localConfidence">The threshold (<c>INTENT_LOCAL_CONFIDENCE</c>); <see cref="BedrockAlways"/> or more
/// sends every question to <paramref name="remote"/>.</param>
/// <param name="logger">Receives which path decided, never the user's text.</param>
public sealed class CascadeIntentClassifier(
    LocalIntentClassifier local,
    IIntentClassifier remote,
    double localConfidence,
    ILogger<CascadeIntentClassifier> logger) : IIntentClassifier
{
    /// <summary>The default threshold, chosen on <c>Data/intent-dev.tsv</c> with <c>classify --calibrate</c>
    /// (docs/INTENT-QUALITY.md, "Local first, Bedrock when unsure").</summary>
    public const double DefaultLocalConfidence = 0.8;

    /// <summary>The threshold at which the local classifier never decides: every question goes to the remote classifier.</summary>
    public const double BedrockAlways = 1;

    /// <summary>The confidence from which the local classifier's answer stands.</summary>
    public double LocalConfidence => localConfidence;

    /// <summary>Whether a local answer of <paramref name="confidence"/> stands at <paramref name="threshold"/>.</summary>
    public static bool DecidesLocally(double confidence, double threshold) => threshold < BedrockAlways && confidence >= threshold;

    /// <inheritdoc />
    public async Task<IntentResult> ClassifyAsync(IntentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var mine = local.Classify(request);
        if (DecidesLocally(mine.Confidence, localConfidence))
        {
            Log.Classified(logger, mine.Intent.ToLabel(), mine.Confidence, mine.Source);
            return mine;
        }

        var theirs = await remote.ClassifyAsync(request, cancellationToken).ConfigureAwait(false);
        var result = Guard(request, mine, theirs);
        if (!ReferenceEquals(result, theirs))
        {
            Log.SteeredAwayFromAwsOps(logger, theirs.Source, result.Intent.ToLabel());
        }

        return result;
    }

    /// <summary>The injection guard on a remote verdict: <paramref name="theirs"/>, unless it is <c>aws_ops</c> for a
    /// message that names a classifier label; then <paramref name="mine"/> (never <c>aws_ops</c> for such a message).</summary>
    internal static IntentResult Guard(IntentRequest request, IntentResult mine, IntentResult theirs) =>
        theirs.Intent == Intent.AwsOps && NamesALabel(request.Text)
            ? mine with { Reason = $"names a classifier label; {theirs.Source}'s {IntentLabels.AwsOps} not taken" }
            : theirs;

    private static bool NamesALabel(string? text) => InjectionFilter.NamesALabel(CueMatcher.Normalise(text ?? string.Empty));
}
