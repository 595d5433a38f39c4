namespace ChatOps.QCliProxy.Proposals;

// Deletes stored proposals and their results 90 days after they were made (the bot's audit trail keeps them as long),
// daily. A retry of an execution comes within minutes; nothing needs them longer.
internal sealed class ProposalSweeper(ProposalStore store, TimeProvider time, ILogger<ProposalSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    public int Sweep() => store.Prune((time.GetUtcNow() - Retention).UtcDateTime);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var pruned = Sweep();
                if (pruned > 0)
                {
                    Log.ProposalsPruned(logger, pruned);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.ProposalPruneFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
