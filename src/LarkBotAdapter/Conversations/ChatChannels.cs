namespace ChatOps.LarkBotAdapter.Conversations;

// Finds the channel of a turn's platform. The channels arrive as registered, which is already decorated (the outbound
// scrubber wraps every channel at registration: Scrubbing.ScrubbingServiceCollectionExtensions).
public sealed class ChatChannels(IEnumerable<IChatChannel> channels)
{
    private readonly Dictionary<string, IChatChannel> _byPlatform =
        channels.GroupBy(c => c.Platform).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public bool Has(string platform) => _byPlatform.ContainsKey(platform);

    public IChatChannel For(string platform) =>
        _byPlatform.TryGetValue(platform, out var channel)
            ? channel
            : throw new InvalidOperationException($"No chat channel is registered for platform '{platform}'.");
}
