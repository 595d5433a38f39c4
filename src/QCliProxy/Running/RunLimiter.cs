using ChatOps.QCliProxy.Configuration;

namespace ChatOps.QCliProxy.Running;

// At most QCLI_MAX_CONCURRENCY CLI processes, and at most QCLI_QUEUE_LIMIT requests waiting for one;
// a request beyond both is refused at once (429).
internal sealed class RunLimiter(ProxyOptions options)
{
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrency, options.MaxConcurrency);
    private int _admitted;

    public int Running => options.MaxConcurrency - _slots.CurrentCount;

    public int Waiting => Math.Max(0, Volatile.Read(ref _admitted) - Running);

    // A place among the running or the waiting, or null when both are full.
    public Admission? TryAdmit()
    {
        if (Interlocked.Increment(ref _admitted) > options.MaxConcurrency + options.QueueLimit)
        {
            Interlocked.Decrement(ref _admitted);
            return null;
        }

        return new Admission(this);
    }

    // Held from admission to the end of the request; owns the slot once one is granted.
    internal sealed class Admission(RunLimiter limiter) : IDisposable
    {
        private bool _hasSlot;
        private bool _disposed;

        // Waits for a free slot; throws OperationCanceledException when ct fires first.
        public async Task WaitForSlotAsync(CancellationToken ct)
        {
            await limiter._slots.WaitAsync(ct);
            _hasSlot = true;
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_hasSlot)
            {
                limiter._slots.Release();
            }

            Interlocked.Decrement(ref limiter._admitted);
        }
    }
}
