using ChatOps.LarkBotAdapter.Channels.Slack.Api;
using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;
using ChatOps.LarkBotAdapter.Channels.Slack.Live;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Scrubbing;
using ChatOps.LarkBotAdapter.Secrets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

public static class SlackServiceCollectionExtensions
{
    // Slack: options (validated at start), ingress for events and commands, the Web API client, the channel.
    public static IServiceCollection AddSlack(this IServiceCollection services)
    {
        // Ingress and client read the current value per use (IOptionsMonitor); other readers take plain SlackOptions.
        services.AddRotatingOptions<SlackOptions>((o, c) => o.Load(c));
        services.TryAddSingleton(SlackResponseUrlPolicy.Slack);
        services.AddSingleton<SlackBotIdentity>();
        services.AddSingleton<SlackPacer>();
        services.TryAddSingleton(new SlackStreamLimits());
        services.AddSingleton<SlackLiveStreams>();
        services.TryAddTransient<AddressPolicy>();
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
