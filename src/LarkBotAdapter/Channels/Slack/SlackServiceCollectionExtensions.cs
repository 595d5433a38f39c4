using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Scrubbing;
using ChatOps.LarkBotAdapter.Secrets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ChatOps.Settings;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

public static class SlackServiceCollectionExtensions
{
    // Slack: options (validated at start), ingress for events and commands, the Web API client, the channel.
    public static IServiceCollection AddSlack(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>().Configure<IConfiguration>((o, c) => o.Load(c)).ValidateSettingsOnStart();
        services.TryAddSingleton(SlackResponseUrlPolicy.Slack);
        // Rebuilt when the platform secret is re-read (rotation): ingress and client read the current value per use.
        services.AddSingleton<IOptionsChangeTokenSource<SlackOptions>>(sp => new ConfigurationChangeTokenSource<SlackOptions>(sp.GetRequiredService<IConfiguration>()));
        // Readers outside the secret paths take the current values as plain SlackOptions.
        services.AddTransient(sp => sp.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue);
        services.AddSecretRefresher();
        services.AddSingleton<SlackBotIdentity>();
        services.AddSingleton<SlackPacer>();
        services.TryAddSingleton(new SlackStreamLimits());
        services.AddSingleton<SlackLiveStreams>();
        services.AddTransient<SlackIngress>();
        services.AddTransient<SlackCommandIngress>();
        services.AddTransient<SlackInteractionIngress>();
        services.AddTransient<SlackApprovalClicks>();
        services.AddScrubbedChatChannel<SlackChatChannel>();
        services.AddHostedService<SlackIdentityWarmup>();
        // No resilience handler: a re-sent chat.postMessage could post twice; the client handles 429 itself.
        services.AddHttpClient<SlackWebApiClient>((sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;
            http.Timeout = TimeSpan.FromSeconds(30);
        })
        // A redirect would carry the bot token (or a response_url post) to wherever Slack, or a forger, pointed it.
        .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        .RemoveAllLoggers(); // request logs would name response_url, a credential for 30 minutes
        return services;
    }
}
