using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.QCli;

namespace ChatOps.LarkBotAdapter.Tests.Ops;

/// <summary>The fakes behind an ops route with OPS_GUARDRAIL_ID: the ops proxy and Bedrock Runtime (ApplyGuardrail),
/// and an app joined to both, with one HTTP retry so a guardrail outage shows at once.</summary>
public sealed class GuardedOpsFakes : IAsyncDisposable
{
    public const string GuardrailId = "gr4fake0ops1";

    private GuardedOpsFakes(FakeQCliProxy proxy, FakeBedrockRuntime bedrock)
    {
        Proxy = proxy;
        Bedrock = bedrock;
    }

    public FakeQCliProxy Proxy { get; }

    public FakeBedrockRuntime Bedrock { get; }

    public static async Task<GuardedOpsFakes> StartAsync() => new(await FakeQCliProxy.StartAsync(), await FakeBedrockRuntime.StartAsync());

    // more adds or overrides settings after the guarded ops route's own.
    public Task<ChatOpsApp> StartAppAsync(Action<Dictionary<string, string?>>? more = null) => ChatOpsApp.StartAsync(settings =>
    {
        foreach (var (key, value) in OpsTesting.Settings(Proxy.BaseAddress))
        {
            settings[key] = value;
        }
        settings["OPS_GUARDRAIL_ID"] = GuardrailId;
        settings["OPS_GUARDRAIL_VERSION"] = "3";
        settings["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = Bedrock.BaseAddress.ToString();
        settings["CHATOPS_HTTP_MAX_RETRIES"] = "1";
        more?.Invoke(settings);
    });

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Bedrock.DisposeAsync();
    }
}
