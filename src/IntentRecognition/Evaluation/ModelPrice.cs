namespace ChatOps.IntentRecognition.Evaluation;

/// <summary>On-demand price of a Bedrock model in US dollars per million tokens.</summary>
/// <param name="Model">The model family the price is for.</param>
/// <param name="InputPerMillion">USD per 1,000,000 input tokens.</param>
/// <param name="OutputPerMillion">USD per 1,000,000 output tokens.</param>
public sealed record ModelPrice(string Model, decimal InputPerMillion, decimal OutputPerMillion)
{
    // Bedrock on-demand list prices in us-east-1 (USD per million tokens, 2025). Other regions and cross-region
    // profiles can differ by a few percent; check the Bedrock pricing page before relying on a figure.
    private static readonly ModelPrice[] Known =
    [
        new("amazon.nova-micro", 0.035m, 0.14m),
        new("amazon.nova-lite", 0.06m, 0.24m),
        new("amazon.nova-pro", 0.80m, 3.20m),
        new("anthropic.claude-3-haiku", 0.25m, 1.25m),
        new("anthropic.claude-3-5-haiku", 0.80m, 4.00m),
        new("anthropic.claude-haiku-4-5", 1.00m, 5.00m),
        new("anthropic.claude-3-5-sonnet", 3.00m, 15.00m),
        new("anthropic.claude-sonnet-4", 3.00m, 15.00m),
        new("meta.llama3-1-8b-instruct", 0.22m, 0.22m),
        new("mistral.mistral-small", 1.00m, 3.00m),
    ];

    /// <summary>The price of a model id or inference profile id (<c>us.amazon.nova-micro-v1:0</c> → Nova Micro), or null
    /// when the table does not know it.</summary>
    public static ModelPrice? For(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var id = modelId.Trim().ToLowerInvariant();
        // Longest family first, so "claude-3-5-haiku" is not taken for "claude-3-haiku"'s prefix or the reverse.
        return Known.OrderByDescending(p => p.Model.Length).FirstOrDefault(p => id.Contains(p.Model, StringComparison.Ordinal));
    }

    /// <summary>Cost of the given tokens in USD.</summary>
    public decimal Cost(long inputTokens, long outputTokens) =>
        ((inputTokens * InputPerMillion) + (outputTokens * OutputPerMillion)) / 1_000_000m;
}
