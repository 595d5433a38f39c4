using ChatOps.LarkBotAdapter.Aws;
using ChatOps.LarkBotAdapter.Channels.Lark.Api;
using ChatOps.LarkBotAdapter.Channels.Lark.Inbound;
using ChatOps.LarkBotAdapter.Channels.Lark.Live;
using ChatOps.LarkBotAdapter.Channels.Lark.Rendering;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Scrubbing;
using ChatOps.LarkBotAdapter.Secrets;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

public static class LarkServiceCollectionExtensions
{
    public static IServiceCollection AddLark(this IServiceCollection services)
    {
        services.AddRotatingOptions<LarkOptions>((o, c) => o.Load(c));
        services.AddSingleton<LarkTokenCache>();
        services.AddSingleton<LarkBotIdentity>();
        services.TryAddSingleton(new LarkCardLimits());
        services.AddSingleton<LarkLiveCards>();
        services.AddTransient<LarkVerifier>();
        services.TryAddTransient<AddressPolicy>();
        services.AddTransient<LarkIngress>();
        services.AddTransient<LarkCardIngress>();
        services.AddScrubbedChatChannel<LarkChatChannel>();
        services.AddHostedService<LarkIdentityWarmup>();
        services.AddHttpClient<LarkOpenApiClient>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<LarkOptions>().BaseUrl;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddChatOpsResilience();
        return services;
    }
}
