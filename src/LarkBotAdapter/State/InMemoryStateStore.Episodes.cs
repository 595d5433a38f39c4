using System.Collections.Concurrent;

namespace ChatOps.LarkBotAdapter.State;

// Alarm episodes in this process, compare-and-swap on the version like thread contexts.
public sealed partial class InMemoryStateStore : IAlarmEpisodeStore
{
    private readonly ConcurrentDictionary<string, (AlarmEpisode Episode, DateTimeOffset ExpiresAt)> _episodes = new(StringComparer.Ordinal);

    public Task<AlarmEpisode?> GetEpisodeAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        var live = _episodes.TryGetValue(key, out var stored) && stored.ExpiresAt > timeProvider.GetUtcNow();
        return Task.FromResult(live ? stored.Episode : null);
    }

    public Task<bool> TrySaveEpisodeAsync(AlarmEpisode episode, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentException.ThrowIfNullOrEmpty(episode.Key);
        cancellationToken.ThrowIfCancellationRequested();
        var now = timeProvider.GetUtcNow();
        var copy = (episode with { Listed = episode.Listed?.ToArray(), Version = episode.Version + 1 }, now + ttl);
        if (!_episodes.TryGetValue(episode.Key, out var current))
        {
            return Task.FromResult(episode.Version == 0 && _episodes.TryAdd(episode.Key, copy));
        }
        var currentVersion = current.ExpiresAt > now ? current.Episode.Version : 0;
        return Task.FromResult(currentVersion == episode.Version && _episodes.TryUpdate(episode.Key, copy, current));
    }
}
