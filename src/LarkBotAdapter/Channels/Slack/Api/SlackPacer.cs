namespace ChatOps.LarkBotAdapter.Channels.Slack.Api;

// Spaces the bot's messages in one channel by SlackOptions.PostInterval (Slack allows about one
// message per second per channel), per process: each caller reserves the next free slot, then waits for it.
public sealed class SlackPacer(SlackOptions options, TimeProvider time)
{
    private const int PruneAbove = 256;
    private readonly Dictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.Ordinal);

    public Task WaitAsync(string channel, CancellationToken cancellationToken)
    {
        var interval = options.PostInterval;
        TimeSpan wait;
        lock (_nextSlot)
        {
            var now = time.GetUtcNow();
            if (_nextSlot.Count > PruneAbove)
            {
                foreach (var idle in _nextSlot.Where(e => e.Value <= now).Select(e => e.Key).ToArray())
                {
                    _nextSlot.Remove(idle);
                }
            }
            var slot = _nextSlot.TryGetValue(channel, out var next) && next > now ? next : now;
            _nextSlot[channel] = slot + interval;
            wait = slot - now;
        }
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }
}
