using ChatOps.Contracts;
using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Aws;
using ChatOps.LarkBotAdapter.Guardrail;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Ops.Guardrail;
using ChatOps.LarkBotAdapter.ProxyClient;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Secrets;
using ChatOps.Settings;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Ops;

public static class OpsServiceCollectionExtensions
{
    // The aws_ops route through the Q CLI proxy, when QLI_SERVER_ADDRESS or QCLI_PROXY_SECRET is
    // set (both are then required, checked at start-up). Call after AddRoutes: the responder replaces the
    // not-configured one. (QCLI_AWS_PROFILES reaches the classifiers through AddIntentRecognition.)
    public static IServiceCollection AddAwsOps(this IServiceCollection services, IConfiguration configuration)
    {
        if (!QCliProxyOptions.IsRequested(configuration))
        {
            return services;
        }
        services.AddOptions<QCliProxyOptions>().Configure(o => o.Load(configuration)).ValidateSettingsOnStart();
        // Rebuilt when the platform secret is re-read (rotation), so a new client signs with the current secret.
        services.AddSingleton<IOptionsChangeTokenSource<QCliProxyOptions>>(new ConfigurationChangeTokenSource<QCliProxyOptions>(configuration));
        services.AddTransient(sp => sp.GetRequiredService<IOptionsMonitor<QCliProxyOptions>>().CurrentValue);
        services.AddSecretRefresher();
        services.AddSingleton<ExecuteSignatures>();
        services.AddHttpClient<QCliProxyClient>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<QCliProxyOptions>().Address;
                // A streamed answer may run for minutes: the client bounds connect and headers; the worker bounds the rest.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // No resilience handler: retrying a 5xx or a timeout of a streaming call could run the CLI twice.
            .ConfigurePrimaryHttpMessageHandler(sp => ProxyClient.ProxyHttpHandler.Create(sp.GetRequiredService<QCliProxyOptions>()))
            .RedactLoggedHeaders([QCliProtocol.SignatureHeader]);
        // Transient like RouteTable, so the typed client's handler rotates as the factory intends.
        services.AddTransient<IResponder, AwsOpsResponder>();
        services.AddTransient<ApprovalExecutor>();
        services.AddTransient<IJobHandler, ExecuteJobHandler>();
        if (OpsGuardrailOptions.IsRequested(configuration))
        {
            services.AddOpsGuardrail(configuration);
        }
        return services;
    }

    // The Bedrock guardrail on ops answers (OPS_GUARDRAIL_ID, OPS_GUARDRAIL_VERSION, checked at
    // start-up): ApplyGuardrail on the Bedrock Runtime endpoint (AWS_ENDPOINT_URL_BEDROCK_RUNTIME overrides it).
    private static void AddOpsGuardrail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OpsGuardrailOptions>().Configure(o => o.Load(configuration)).ValidateSettingsOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OpsGuardrailOptions>>().Value);
        services.AddSignedAwsClient<BedrockGuardrailClient>(
            "bedrock",
            aws => aws.BedrockRegion,
            aws => aws.Endpoint("BEDROCK_RUNTIME", "bedrock-runtime", aws.BedrockRegion));
        services.AddTransient<IAnswerCheck, OpsGuardrailCheck>();
        services.AddTransient<ApprovalGuardrail>();
    }
}
