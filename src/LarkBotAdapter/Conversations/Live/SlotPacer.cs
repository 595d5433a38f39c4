namespace ChatOps.LarkBotAdapter.Conversations.Live;

// Spaces calls at least spacing apart: each caller reserves the next free slot and waits for it, so a
// platform's "N per second" limit holds however many callers share the pacer.
public sealed class SlotPacer(TimeSpan spacing, TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public TimeSpan Spacing => spacing;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset slot;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            slot = now > _next ? now : _next;
            _next = slot + spacing;
        }
        var wait = slot - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
