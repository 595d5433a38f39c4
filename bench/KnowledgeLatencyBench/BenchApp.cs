using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;

namespace ChatOps.Bench;

/// <summary>The real app (<see cref="LiveApp"/>) with its Lark calls going to a <see cref="FakeLarkOpenApi"/> and its
/// knowledge route to a <see cref="FakeBedrockAgentRuntime"/>.</summary>
internal static class BenchApp
{
    public const string AppSecret = "bench-app-secret";
    public const string EncryptKey = "bench-encrypt-key";

    // No RECOGNITION_MODEL_ID: the local classifier routes runbook questions to knowledge_base.
    public static Task<LiveApp> StartAsync(FakeLarkOpenApi lark, FakeBedrockAgentRuntime knowledge) =>
        LiveApp.StartAsync(new Dictionary<string, string?>
        {
            ["LARK_APP_ID"] = LarkEvent.DefaultAppId,
            ["LARK_APP_SECRET"] = AppSecret,
            ["LARK_VERIFICATION_TOKEN"] = LarkEvent.DefaultToken,
            ["LARK_ENCRYPT_KEY"] = EncryptKey,
            ["LARK_BASE_URL"] = lark.BaseAddress.ToString(),
            ["AWS_ACCESS_KEY_ID"] = "bench-access-key-id",
            ["AWS_SECRET_ACCESS_KEY"] = "bench-secret-access-key",
            ["AWS_REGION"] = "us-east-1",
            ["BEDROCK_REGION"] = "us-west-2",
            ["AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME"] = knowledge.BaseAddress.ToString(),
            ["KNOWLEDGE_BASE_ID"] = "BENCHKB001",
            ["KNOWLEDGE_MODEL_ARN"] = "anthropic.claude-3-haiku-20240307-v1:0",
        });
}
