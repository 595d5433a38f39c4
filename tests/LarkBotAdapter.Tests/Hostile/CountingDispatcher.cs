using ChatOps.LarkBotAdapter.Jobs;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>Counts the jobs the ingress hands to the worker, then passes them on to the real queue.</summary>
public sealed class CountingDispatcher(InProcessJobQueue inner) : IJobDispatcher
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task DispatchAsync(WorkJob job, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return inner.DispatchAsync(job, cancellationToken);
    }
}
