using ChatOps.LarkBotAdapter.Channels.Slack.Api;
using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;
using ChatOps.LarkBotAdapter.Channels.Slack.Live;
using ChatOps.LarkBotAdapter.Ingress;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

public static class SlackServiceCollectionExtensions
{
    // Slack: options (validated at start), ingress for events and commands, the Web API client, the channel.
    public static IServiceCollection AddSlack(this IServiceCollection services)
    {
        services.AddChatPlatform<SlackOptions, SlackChatChannel, SlackIdentityWarmup>((o, c) => o.Load(c));
        services.TryAddSingleton(SlackResponseUrlPolicy.Slack);
        services.TryAddSingleton(new SlackStreamLimits());
        services.AddSingleton<SlackBotIdentity>().AddSingleton<SlackPacer>().AddSingleton<SlackLiveStreams>();
        services.AddTransient<SlackIngress>().AddTransient<SlackCommandIngress>().AddTransient<SlackInteractionIngress>().AddTransient<SlackApprovalClicks>();
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
