using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;

namespace ChatOps.Bench;

/// <summary>The real app (<see cref="LiveApp"/>) with every outbound call pointed at a loopback fake: Bedrock
/// classifier, Bedrock knowledge base, Q CLI proxy (bench chats and users allowed), Lark.</summary>
internal static class BenchApp
{
    /// <summary>Starts the app; <paramref name="state"/> adds the DynamoDB settings (table, endpoint) when not in memory.</summary>
    public static Task<LiveApp> StartAsync(BenchOptions options, BenchFakes fakes, IDictionary<string, string?> state)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LARK_APP_ID"] = LarkEvent.DefaultAppId,
            ["LARK_APP_SECRET"] = EventFactory.AppSecret,
            ["LARK_VERIFICATION_TOKEN"] = LarkEvent.DefaultToken,
            ["LARK_ENCRYPT_KEY"] = EventFactory.EncryptKey,
            ["LARK_BASE_URL"] = fakes.Lark.BaseAddress.ToString(),
            ["AWS_ACCESS_KEY_ID"] = "bench-access-key-id",
            ["AWS_SECRET_ACCESS_KEY"] = "bench-secret-access-key",
            ["AWS_REGION"] = "us-east-1",
            ["BEDROCK_REGION"] = "us-west-2",
            ["RECOGNITION_MODEL_ID"] = "anthropic.claude-3-haiku-20240307-v1:0",
            ["KNOWLEDGE_SUMMARY"] = "runbooks for checkout-api and payments, SLA definitions, on-call escalation",
            ["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = fakes.Bedrock.BaseAddress.ToString(),
            ["KNOWLEDGE_BASE_ID"] = "BENCHKB001",
            ["KNOWLEDGE_MODEL_ARN"] = "anthropic.claude-3-haiku-20240307-v1:0",
            ["AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME"] = fakes.Knowledge.BaseAddress.ToString(),
            ["QLI_SERVER_ADDRESS"] = fakes.Proxy.BaseAddress.ToString(),
            ["QCLI_PROXY_SECRET"] = FakeQCliProxy.DefaultSecret,
            ["OPS_ALLOW_EVERYONE"] = "true",
            ["QCLI_AWS_PROFILES"] = "prod, uat",
            ["OPS_ALLOWED_CHAT_IDS"] = string.Join(',', options.ChatIds),
            ["OPS_ALLOWED_USER_IDS"] = string.Join(',', options.UserIds),
            ["CHATOPS_USER_QUESTIONS_PER_MINUTE"] = "0", // the load comes from a few simulated users
            ["CHATOPS_WORKER_CONCURRENCY"] = options.Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in state)
        {
            settings[key] = value;
        }
        return LiveApp.StartAsync(settings);
    }
}
