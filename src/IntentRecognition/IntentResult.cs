namespace ChatOps.IntentRecognition;

/// <summary>The outcome of a classification.</summary>
/// <param name="Intent">The chosen route.</param>
/// <param name="Source">Who decided: <c>bedrock</c>, <c>local</c>, or <c>local-fallback</c> (Bedrock was unavailable).</param>
/// <param name="Confidence">0..1 where the classifier can tell; 1 when it cannot.</param>
/// <param name="Reason">A short explanation, for logs and <c>--json</c> output; never shown as an answer.</param>
public sealed record IntentResult(Intent Intent, string Source, double Confidence = 1, string? Reason = null)
{
    /// <summary>The AWS CLI profile (account) the question is about, chosen from the configured profiles; null when
    /// none is named or none is configured. Never a value outside the configured list.</summary>
    public string? AwsProfile { get; init; }

    /// <summary>Tokens the model call used (Bedrock only; null for the local classifier).</summary>
    public TokenUsage? Usage { get; init; }

    /// <summary>Source name of the Bedrock classifier.</summary>
    public const string SourceBedrock = "bedrock";

    /// <summary>Source name of the local classifier.</summary>
    public const string SourceLocal = "local";

    /// <summary>Source name of the local classifier used because Bedrock failed.</summary>
    public const string SourceLocalFallback = "local-fallback";
}
