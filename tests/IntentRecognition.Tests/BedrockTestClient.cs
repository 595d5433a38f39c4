using ChatOps.TestKit.Bedrock;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>Builds a <see cref="BedrockIntentClassifier"/> wired to a fake Bedrock Runtime.</summary>
internal static class BedrockTestClient
{
    public const string ModelId = "anthropic.claude-3-haiku-20240307-v1:0";
    public const string Summary = "Runbooks for checkout-api, SLA definitions, on-call escalation, MSK procedures";

    public static HttpClient Http(FakeBedrockRuntime fake, bool signed = true) =>
        new(signed ? new DummySigV4Handler() : new HttpClientHandler()) { BaseAddress = fake.BaseAddress };

    public static BedrockIntentClassifier Classifier(HttpClient http, int maxHistoryTurns = 6) => new(
        http,
        new BedrockClassifierOptions { ModelId = ModelId, KnowledgeSummary = Summary, MaxHistoryTurns = maxHistoryTurns },
        new CapturingLogger<BedrockIntentClassifier>());
}
