namespace ChatOps.IntentRecognition.Evaluation;

/// <summary>What the local classifier, and possibly Bedrock, made of one labelled question: enough to score either alone
/// and the cascade at any threshold without asking again.</summary>
/// <param name="Expected">The question's label.</param>
/// <param name="Request">The question as classified.</param>
/// <param name="Local">The local classifier's answer.</param>
/// <param name="LocalLatency">How long the local classifier took.</param>
public sealed record ClassifiedQuestion(Intent Expected, IntentRequest Request, IntentResult Local, TimeSpan LocalLatency)
{
    /// <summary>Whether Bedrock was asked (false when only the local classifier was measured).</summary>
    public bool BedrockAsked { get; init; }

    /// <summary>Bedrock's answer; null when it was not asked or its call failed.</summary>
    public IntentResult? Bedrock { get; init; }

    /// <summary>How long the Bedrock call took, failed or not.</summary>
    public TimeSpan BedrockLatency { get; init; }

    /// <summary>The cascade's answer at <paramref name="threshold"/>, its latency, and whether it was decided locally; a
    /// failed Bedrock call ends in the local answer as <see cref="FallbackIntentClassifier"/> gives it.</summary>
    public (IntentResult Result, TimeSpan Latency, bool DecidedLocally) Cascade(double threshold)
    {
        if (CascadeIntentClassifier.DecidesLocally(Local.Confidence, threshold))
        {
            return (Local, LocalLatency, true);
        }

        if (!BedrockAsked)
        {
            throw new InvalidOperationException("The cascade below its threshold needs Bedrock's answer; measure with a model.");
        }

        var result = Bedrock is null
            ? Local with { Source = IntentResult.SourceLocalFallback }
            : CascadeIntentClassifier.Guard(Request, Local, Bedrock);
        return (result, LocalLatency + BedrockLatency, false);
    }
}
