using ChatOps.LarkBotAdapter.Conversations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.LarkBotAdapter.Scrubbing;

public static class ScrubbingServiceCollectionExtensions
{
    // Registers TChannel as a chat channel, decorated with the outbound scrubber: everyone who asks for the chat
    // channels (ChatChannels) gets the scrubbed one. TChannel itself is added (transient) unless it is registered already.
    public static IServiceCollection AddScrubbedChatChannel<TChannel>(this IServiceCollection services)
        where TChannel : class, IChatChannel
    {
        services.TryAddTransient<TChannel>();
        services.AddTransient(sp => ScrubbingChatChannel.Wrap(sp.GetRequiredService<TChannel>()));
        return services;
    }
}
