namespace ChatOps.IntentRecognition;

/// <summary>Settings of <see cref="BedrockIntentClassifier"/>.</summary>
public sealed class BedrockClassifierOptions
{
    /// <summary>The Bedrock model or inference profile id (<c>RECOGNITION_MODEL_ID</c>); may contain <c>:</c>. Required:
    /// classification fails with <see cref="InvalidOperationException"/> while it is empty. Not a <c>required</c>
    /// member so that the options pattern (<c>new()</c> constraint) can create it.</summary>
    public string ModelId { get; set; } = string.Empty;

    /// <summary>What the knowledge base covers (<c>KNOWLEDGE_SUMMARY</c>); told to the model so it can spot documented topics.</summary>
    public string? KnowledgeSummary { get; set; }

    /// <summary>How many of the latest thread turns are shown to the model.</summary>
    public int MaxHistoryTurns { get; set; } = 6;

    /// <summary>AWS CLI profiles the model may pick for <c>aws_ops</c> questions (<c>QCLI_AWS_PROFILES</c>). When not empty,
    /// <c>classify_intent</c> gets an optional <c>aws_profile</c> enum and <see cref="IntentResult.AwsProfile"/> is set.</summary>
    public IReadOnlyList<string> AwsProfiles { get; set; } = [];

    /// <summary>Upper bound of the model's answer; a tool call needs little.</summary>
    public int MaxTokens { get; set; } = 256;
}
