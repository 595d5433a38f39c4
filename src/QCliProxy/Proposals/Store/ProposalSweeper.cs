using ChatOps.QCliProxy.Hosting;

namespace ChatOps.QCliProxy.Proposals.Store;

// Deletes stored proposals and their results 90 days after they were made (the bot's audit trail keeps them as long),
// daily. A retry of an execution comes within minutes; nothing needs them longer.
internal sealed class ProposalSweeper(ProposalStore store, TimeProvider time, ILogger<ProposalSweeper> logger) : PeriodicSweeper(Interval, time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    public override int Sweep() => store.Prune((Time.GetUtcNow() - Retention).UtcDateTime);

    protected override void LogSwept(int count) => Log.ProposalsPruned(logger, count);

    protected override void LogFailed(Exception exception) => Log.ProposalPruneFailed(logger, exception);
}
