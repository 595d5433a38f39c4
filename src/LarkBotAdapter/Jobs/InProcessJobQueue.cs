using System.Threading.Channels;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Jobs;

// The hand-off in a long-running process: a bounded queue drained by a fixed number of workers. On shutdown it takes
// no new jobs (the ingress answers 503, so the platform redelivers to another instance), finishes the running and
// queued ones within WorkerOptions.DrainTimeout, and cuts the rest short with a notice in their threads.
public sealed class InProcessJobQueue(IServiceScopeFactory scopes, WorkerOptions options, ILogger<InProcessJobQueue> logger)
    : BackgroundService, IJobDispatcher
{
    private readonly Channel<WorkJob> _jobs = Channel.CreateBounded<WorkJob>(
        new BoundedChannelOptions(options.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    private static readonly TimeSpan AckHeadStart = TimeSpan.FromMilliseconds(2);

    // Fires when the drain time is up: running answers stop and say so in their threads.
    private readonly CancellationTokenSource _drainEnd = new();
    private int _started;
    private int _cutShort;

    private readonly object _idleGate = new();
    private int _pending;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    // Completes when every dispatched job has been processed (graceful drains, tests).
    public Task WhenIdleAsync()
    {
        lock (_idleGate)
        {
            return _idle.Task;
        }
    }

    public async Task DispatchAsync(WorkJob job, CancellationToken cancellationToken)
    {
        Track(+1);
        // A full queue must not stall the ack: give it a moment, then fail so the platform redelivers later.
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await _jobs.Writer.WriteAsync(job, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Track(-1);
            throw new InvalidOperationException($"The worker queue is full ({options.QueueCapacity} jobs).");
        }
        catch
        {
            Track(-1);
            throw;
        }
    }

    private void Track(int delta)
    {
        lock (_idleGate)
        {
            _pending += delta;
            if (_pending == 0)
            {
                _idle.TrySetResult();
            }
            else if (_pending == 1 && delta > 0)
            {
                _idle = NewIdle(completed: false);
            }
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            source.SetResult();
        }
        return source;
    }

    // Worker code (and the continuations of its awaits) runs on a scheduler that leaves a core to the ingress, so an
    // acknowledgement never queues behind background answers. Jobs mostly wait on I/O, so few cores suffice.
    private readonly TaskScheduler _scheduler = new ConcurrentExclusiveSchedulerPair(
        TaskScheduler.Default, Math.Max(1, Environment.ProcessorCount - 1)).ConcurrentScheduler;

    // The workers do not watch the host's stopping token: a stop completes the queue instead, and they end when it is empty.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ =>
            Task.Factory.StartNew(DrainAsync, CancellationToken.None, TaskCreationOptions.DenyChildAttach, _scheduler).Unwrap()));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_jobs.Writer.TryComplete())
        {
            return;
        }

        int pending;
        lock (_idleGate)
        {
            pending = _pending;
        }

        Log.Draining(logger, pending, NoticeTexts.Duration(options.DrainTimeout));
        _drainEnd.CancelAfter(options.DrainTimeout);
        using var hostGivesUp = cancellationToken.Register(_drainEnd.Cancel);
        await base.StopAsync(cancellationToken);
        Log.Drained(logger, pending - Volatile.Read(ref _cutShort), Volatile.Read(ref _cutShort));
    }

    private async Task DrainAsync()
    {
        await foreach (var job in _jobs.Reader.ReadAllAsync())
        {
            try
            {
                // Ack first: let the acknowledgement that handed this job off leave before its answer takes the CPU.
                await Task.Delay(AckHeadStart);
                Interlocked.Increment(ref _started);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<JobHandlers>().RunAsync(job, CancellationToken.None, _drainEnd.Token);
            }
            catch (Exception ex)
            {
                Log.JobFailedForGood(logger, job.Turn.ClaimKey, ex);
            }
            finally
            {
                if (_drainEnd.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _cutShort);
                }

                Track(-1);
            }
        }
    }
}
