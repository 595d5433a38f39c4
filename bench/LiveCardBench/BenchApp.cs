using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;

namespace ChatOps.Bench;

/// <summary>The real app (<see cref="LiveApp"/>) with live replies on (the default) and every outbound call on a loopback
/// fake: Lark (CardKit available), the Bedrock knowledge base and the Q CLI proxy. No RECOGNITION_MODEL_ID: the local
/// classifier routes the bench's questions.</summary>
internal static class BenchApp
{
    public const string AppSecret = "bench-app-secret";
    public const string EncryptKey = "bench-encrypt-key";

    // logWarnings: the app's warnings and errors go to stderr (to see why an answer failed).
    public static Task<LiveApp> StartAsync(FakeLarkOpenApi lark, FakeBedrockAgentRuntime knowledge, FakeQCliProxy proxy, bool logWarnings) =>
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
            ["QLI_SERVER_ADDRESS"] = proxy.BaseAddress.ToString(),
            ["QCLI_PROXY_SECRET"] = FakeQCliProxy.DefaultSecret,
            ["OPS_ALLOW_EVERYONE"] = "true",
            ["QCLI_AWS_PROFILES"] = "prod, uat",
            ["CHATOPS_USER_QUESTIONS_PER_MINUTE"] = "0", // one simulated user asks everything
            ["CHATOPS_WORKER_CONCURRENCY"] = "32", // the burst's answers all run at once
        }, services => services.AddLogging(logging =>
        {
            if (logWarnings)
            {
                logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
            }
        }));
}
