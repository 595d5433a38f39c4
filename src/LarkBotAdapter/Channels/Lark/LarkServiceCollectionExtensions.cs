using ChatOps.LarkBotAdapter.Aws;
using ChatOps.LarkBotAdapter.Conversations;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

public static class LarkServiceCollectionExtensions
{
    public static IServiceCollection AddLark(this IServiceCollection services)
    {
        services.AddOptions<LarkOptions>().Configure<IConfiguration>((o, c) => o.Load(c)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LarkOptions>, LarkOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<LarkOptions>>().Value);
        services.AddSingleton<LarkTokenCache>();
        services.AddSingleton<LarkBotIdentity>();
        services.AddTransient<LarkIngress>();
        services.AddTransient<IChatChannel, LarkChatChannel>();
        services.AddHostedService<LarkIdentityWarmup>();
        services.AddHttpClient<LarkOpenApiClient>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<LarkOptions>().BaseUrl;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(sp => new ResilienceHandler(ResilienceHandler.CreatePipeline(
                sp.GetRequiredService<ResilienceSettings>(), sp.GetRequiredService<TimeProvider>())));
        return services;
    }
}
