using ChatOps.Contracts;
using ChatOps.QCliProxy.Output;

namespace ChatOps.QCliProxy.Proposals.Capture;

// Shares a run's answer between the CLI's text and the proposals taken from its spool: one line at a time, proposals
// written (protocol 2 only) as soon as the spool is looked at after they appear, and once more when the CLI has ended.
// Every proposal is stored whatever the client's version, so the log and the store hold them all.
internal sealed class ProposalLines(NdjsonWriter writer, ProposalSpool spool, bool sendsProposals, string conversation, ILogger logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask WriteChunkAsync(string text, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await writer.WriteChunkAsync(text, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    // Looks at the spool every interval until disposed.
    public IAsyncDisposable Watch(RunSpool run, TimeSpan interval, TimeProvider time, CancellationToken ct)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval, time);
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    await FlushAsync(run, stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The run ended or the client left.
            }
        }, CancellationToken.None);
        return new Watcher(stop, loop);
    }

    // Takes what the spool holds now and writes it.
    public async Task FlushAsync(RunSpool run, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            IReadOnlyList<QCliProposal> taken;
            try
            {
                taken = spool.Take(run);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.SpoolFailed(logger, conversation, e);
                return;
            }

            if (!sendsProposals)
            {
                return;
            }

            foreach (var proposal in taken)
            {
                await writer.WriteProposalAsync(proposal, ct);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed class Watcher(CancellationTokenSource stop, Task loop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
        }
    }
}
