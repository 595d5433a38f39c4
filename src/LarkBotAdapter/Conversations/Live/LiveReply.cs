namespace ChatOps.LarkBotAdapter.Conversations.Live;

// One answer shown live, the logic every platform shares; the platform supplies its messages (ILiveSurface). Frames
// are coalesced (LatestFrameSender) and sent one at a time. A message that is full (LiveTextCut) or has been live for
// as long as the platform allows is closed with "↓" under it and the answer continues in a new one; a code fence cut
// in two is closed and re-opened. Part k's message is in the job's ledger: a retried job reuses it to show its own
// answer from the start, and marks the later ones an earlier run wrote (and this answer does not reach) as superseded.
public sealed class LiveReply<TMessage> : ILiveReply
    where TMessage : class
{
    private const string Continued = "↓";
    private const string Superseded = "_(An earlier attempt wrote more here; the answer above replaces it.)_";

    private readonly ILiveSurface<TMessage> _surface;
    private readonly ILiveReplyLedger _ledger;
    private readonly LatestFrameSender _sender;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly List<LivePart<TMessage>> _parts = [];
    private bool _completed;

    public LiveReply(ILiveSurface<TMessage> surface, ILiveReplyLedger ledger)
    {
        _surface = surface;
        _ledger = ledger;
        _sender = new LatestFrameSender(SendInterimAsync);
    }

    // A message of this answer is in the thread.
    public bool Shown { get; private set; }

    // Opens the answer's first message showing first. Null when the platform declines this answer before anything
    // is shown (it goes out as segments); a platform error after that is a ReplyFailedException.
    public async Task<ILiveReply?> StartAsync(LiveFrame first, CancellationToken cancellationToken)
    {
        try
        {
            _parts.Add(await OpenPartAsync(0, 0, "", _surface.Prepare(first.Markdown), first.Status ?? "", cancellationToken));
            await SendAsync(first, cancellationToken);
            return this;
        }
        catch (Exception ex) when (_surface.Failure(ex) is { } failure)
        {
            if (!Shown && _surface.FallBack(ex))
            {
                return null;
            }
            throw failure;
        }
    }

    public Task UpdateAsync(LiveFrame frame, CancellationToken cancellationToken)
    {
        if (!_completed)
        {
            _sender.Offer(frame, cancellationToken);
        }
        return Task.CompletedTask;
    }

    public async Task CompleteAsync(LiveFrame final, CancellationToken cancellationToken)
    {
        _completed = true;
        try
        {
            await _sender.FlushAsync();
        }
        catch (Exception ex) when (ex is not ReplyFailedException
                                   && (_surface.Failure(ex) is not null || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)))
        {
            // An interim frame is superseded by the final one (also when its send was cancelled).
        }
        try
        {
            await SendAsync(final, cancellationToken);
            var last = _parts[^1];
            await _surface.CloseAsync(last.Message, final.Status, final.Feedback, cancellationToken);
            foreach (var (part, recorded) in _ledger.Earlier.Where(e => e.Key > last.Index).OrderBy(e => e.Key))
            {
                await _surface.SupersedeAsync(part, recorded, Superseded, cancellationToken);
            }
        }
        catch (Exception ex) when (_surface.Failure(ex) is { } failure)
        {
            throw failure;
        }
    }

    private async Task SendInterimAsync(LiveFrame frame, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(frame, cancellationToken);
        }
        catch (Exception ex) when (_surface.Failure(ex) is { } failure)
        {
            if (failure.TargetGone)
            {
                throw failure;
            }
            // The next frame carries the whole answer again; the final one must succeed.
            _surface.UpdateFailed(ex);
        }
    }

    private async Task SendAsync(LiveFrame frame, CancellationToken cancellationToken)
    {
        var full = _surface.Prepare(frame.Markdown);
        var status = frame.Status ?? "";
        await _sending.WaitAsync(cancellationToken);
        try
        {
            var part = _parts[^1];
            while (true)
            {
                var text = part.TextOf(full);
                var cut = LiveTextCut.Find(text, _surface.MaxBytes)
                    ?? (full.Length > part.SentEnd && _surface.Expired(part.Message) ? LiveTextCut.AtEnd(part.SentOf(full)) : null);
                if (cut is null)
                {
                    await _surface.ShowAsync(part.Message, text, status, cancellationToken);
                    part.SentEnd = Math.Max(part.Start, full.Length);
                    return;
                }
                await _surface.ShowAsync(part.Message, text[..cut.Cut] + cut.Close, null, cancellationToken);
                await _surface.CloseAsync(part.Message, Continued, null, cancellationToken);
                var start = part.Start + Math.Max(0, cut.Cut - part.Reopen.Length);
                part = await OpenPartAsync(part.Index + 1, start, cut.Reopen, full, status, cancellationToken);
                _parts.Add(part);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    // The message of part index: the one an earlier run recorded, reused to show this run's text, or a new one.
    private async Task<LivePart<TMessage>> OpenPartAsync(int index, int start, string reopen, string full, string status, CancellationToken cancellationToken)
    {
        var text = reopen + full[Math.Min(start, full.Length)..];
        if (LiveTextCut.Find(text, _surface.MaxBytes) is { } cut)
        {
            text = text[..cut.Cut] + cut.Close;
        }
        if (_ledger.Earlier.TryGetValue(index, out var recorded))
        {
            Shown |= _surface.Shows(recorded);
            if (await _surface.ReuseAsync(index, recorded, text, status, cancellationToken) is { } reused)
            {
                Shown = true;
                return new LivePart<TMessage>(index, start, reopen, reused);
            }
        }
        var created = await _surface.CreateAsync(index, text, status, cancellationToken);
        Shown = true;
        return new LivePart<TMessage>(index, start, reopen, created);
    }
}
