using ChatOps.LarkBotAdapter.Aws;
using ChatOps.LarkBotAdapter.Channels.Lark.Cards;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Scrubbing;
using ChatOps.LarkBotAdapter.Secrets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ChatOps.Settings;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

public static class LarkServiceCollectionExtensions
{
    public static IServiceCollection AddLark(this IServiceCollection services)
    {
        services.AddOptions<LarkOptions>().Configure<IConfiguration>((o, c) => o.Load(c)).ValidateSettingsOnStart();
        // Rebuilt when the platform secret is re-read (rotation), so each use sees the current secrets.
        services.AddSingleton<IOptionsChangeTokenSource<LarkOptions>>(sp => new ConfigurationChangeTokenSource<LarkOptions>(sp.GetRequiredService<IConfiguration>()));
        services.AddTransient(sp => sp.GetRequiredService<IOptionsMonitor<LarkOptions>>().CurrentValue);
        services.AddSecretRefresher();
        services.AddSingleton<LarkTokenCache>();
        services.AddSingleton<LarkBotIdentity>();
        services.TryAddSingleton(new LarkCardLimits());
        services.AddSingleton<LarkLiveCards>();
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
