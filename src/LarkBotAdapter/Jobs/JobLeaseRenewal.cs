using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Jobs;

// Keeps a running job's lease: renews it at a third of the lease time, and cancels the run (lost) when another run
// has taken the lease over.
internal sealed class JobLeaseRenewal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    private JobLeaseRenewal(IStateStore state, string jobKey, string owner, TimeSpan leaseTime, TimeProvider time, CancellationTokenSource lost, ILogger logger) =>
        _renewing = RenewAsync(state, jobKey, owner, leaseTime, time, lost, logger, _stop.Token);

    public static JobLeaseRenewal Start(
        IStateStore state, string jobKey, string owner, TimeSpan leaseTime, TimeProvider time, CancellationTokenSource lost, ILogger logger) =>
        new(state, jobKey, owner, leaseTime, time, lost, logger);

    // The job ended: no more renewals.
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
    }

    public void Dispose() => _stop.Dispose();

    private static async Task RenewAsync(
        IStateStore state, string jobKey, string owner, TimeSpan leaseTime, TimeProvider time, CancellationTokenSource lost, ILogger logger, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(leaseTime / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    if (!await state.RenewJobLeaseAsync(jobKey, owner, leaseTime, stop))
                    {
                        Log.LeaseLost(logger, jobKey);
                        await lost.CancelAsync();
                        return;
                    }
                }
                catch (StateUnavailableException ex)
                {
                    // Keep answering: the lease may lapse, and at worst a retry takes over after this run.
                    Log.LeaseNotRenewed(logger, jobKey, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The job ended.
        }
    }
}
