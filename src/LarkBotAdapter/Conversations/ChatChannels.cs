using ChatOps.LarkBotAdapter.Scrubbing;

namespace ChatOps.LarkBotAdapter.Conversations;

// Finds the channel of a turn's platform. Every post goes through a channel found here, so this is where
// outbound text is scrubbed of credentials (ScrubbingChatChannel).
public sealed class ChatChannels(IEnumerable<IChatChannel> channels)
{
    private readonly Dictionary<string, IChatChannel> _byPlatform =
        channels.GroupBy(c => c.Platform).ToDictionary(g => g.Key, g => (IChatChannel)new ScrubbingChatChannel(g.Last()), StringComparer.Ordinal);

    public bool Has(string platform) => _byPlatform.ContainsKey(platform);

    public IChatChannel For(string platform) =>
        _byPlatform.TryGetValue(platform, out var channel)
            ? channel
            : throw new InvalidOperationException($"No chat channel is registered for platform '{platform}'.");
}
