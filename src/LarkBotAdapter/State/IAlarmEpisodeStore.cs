namespace ChatOps.LarkBotAdapter.State;

// Alarm episodes, shared by every instance: read, then written only if nobody wrote in between, so two deliveries of one
// alarm change (or two changes at once) open one thread. Both state stores implement it.
public interface IAlarmEpisodeStore
{
    // The live episode under key, or null.
    Task<AlarmEpisode?> GetEpisodeAsync(string key, CancellationToken cancellationToken);

    // Saves episode only if the stored one still has episode.Version (0: none stored, or it expired); the stored copy then
    // has Version + 1. False, and nothing written, when another delivery saved first. Throws StateUnavailableException.
    Task<bool> TrySaveEpisodeAsync(AlarmEpisode episode, TimeSpan ttl, CancellationToken cancellationToken);
}
