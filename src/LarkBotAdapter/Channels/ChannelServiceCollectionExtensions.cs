using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Scrubbing;
using ChatOps.LarkBotAdapter.Secrets;
using ChatOps.Settings;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.LarkBotAdapter.Channels;

public static class ChannelServiceCollectionExtensions
{
    // What every chat platform registers the same way: its options (platform secrets, re-read on rotation, checked at
    // start-up), the one address policy, its channel as the worker sees it (behind the outbound scrubber), and the
    // warm-up that learns the bot's own identity before the first message.
    internal static IServiceCollection AddChatPlatform<TOptions, TChannel, TWarmup>(this IServiceCollection services, Action<TOptions, IConfiguration> load)
        where TOptions : class, IHasSettingErrors
        where TChannel : class, IChatChannel
        where TWarmup : class, IHostedService
    {
        services.AddRotatingOptions(load);
        services.TryAddTransient<AddressPolicy>();
        services.AddScrubbedChatChannel<TChannel>();
        return services.AddHostedService<TWarmup>();
    }
}
