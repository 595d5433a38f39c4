namespace ChatOps.LarkBotAdapter.Conversations.Live;

// Sends the latest offered frame, one send at a time: frames offered while a send is under way are
// coalesced into the newest. A send that throws stops the sender; the error surfaces at the next offer or flush.
public sealed class LatestFrameSender(Func<LiveFrame, CancellationToken, Task> send)
{
    private readonly Lock _gate = new();
    private LiveFrame? _latest;
    private LiveFrame? _sent;
    private Task _loop = Task.CompletedTask;
    private bool _running;
    private Exception? _error;

    // Offers frame; returns at once (the send runs in the background).
    public void Offer(LiveFrame frame, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfFailed();
            _latest = frame;
            if (!_running)
            {
                _running = true;
                _loop = Task.Run(() => LoopAsync(cancellationToken), CancellationToken.None);
            }
        }
    }

    // Waits until everything offered was sent; throws the error of a failed send.
    public async Task FlushAsync()
    {
        Task loop;
        lock (_gate)
        {
            loop = _loop;
        }
        await loop;
        lock (_gate)
        {
            ThrowIfFailed();
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            LiveFrame next;
            lock (_gate)
            {
                if (_latest is null || ReferenceEquals(_latest, _sent) || _error is not null)
                {
                    _running = false;
                    return;
                }
                next = _latest;
            }
            try
            {
                await send(next, cancellationToken);
            }
            catch (Exception ex)
            {
                lock (_gate)
                {
                    _error = ex;
                    _running = false;
                }
                return;
            }
            lock (_gate)
            {
                _sent = next;
            }
        }
    }

    private void ThrowIfFailed()
    {
        if (_error is { } error)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }
    }
}
