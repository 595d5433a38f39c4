using ChatOps.LarkBotAdapter.Aws;
using ChatOps.LarkBotAdapter.Channels.Lark.Api;
using ChatOps.LarkBotAdapter.Channels.Lark.Inbound;
using ChatOps.LarkBotAdapter.Channels.Lark.Live;
using ChatOps.LarkBotAdapter.Channels.Lark.Rendering;
using ChatOps.LarkBotAdapter.Ingress;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

public static class LarkServiceCollectionExtensions
{
    public static IServiceCollection AddLark(this IServiceCollection services)
    {
        services.AddChatPlatform<LarkOptions, LarkChatChannel, LarkIdentityWarmup>((o, c) => o.Load(c));
        services.TryAddSingleton(new LarkCardLimits());
        services.AddSingleton<LarkTokenCache>().AddSingleton<LarkBotIdentity>().AddSingleton<LarkLiveCards>();
        services.AddTransient<LarkVerifier>().AddTransient<LarkIngress>().AddTransient<LarkCardIngress>();
        services.AddHttpClient<LarkOpenApiClient>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<LarkOptions>().BaseUrl;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddChatOpsResilience();
        return services;
    }
}
