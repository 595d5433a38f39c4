namespace ChatOps.LarkBotAdapter.Conversations.Live;

// Lets at most count calls start within any window, first come first served: a burst up to count goes at once (a
// platform's "N per second" limit counts calls in a second, it does not ask for them to be evenly spaced).
public sealed class WindowPacer(int count, TimeSpan window, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _slots = new(count);
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset slot;
        lock (_gate)
        {
            slot = time.GetUtcNow();
            // The slot count calls back must be a whole window earlier; slots never go back in time.
            if (_slots.Count == count && _slots.Dequeue() + window is var free && free > slot)
            {
                slot = free;
            }
            if (_last > slot)
            {
                slot = _last;
            }
            _slots.Enqueue(slot);
            _last = slot;
        }
        var wait = slot - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
