namespace ChatOps.QCliProxy.Running;

// Draining on SIGTERM (scale-in, instance refresh, systemctl stop). In the host's StoppingAsync, before the server stops
// listening: no new run starts (/v1/chat answers 503 busy, /healthz 503 "draining", requests still queued give up),
// the running answers go on until they end, and only when HostOptions.ShutdownTimeout (QCLI_TIMEOUT_SECONDS + Margin)
// has passed are the CLIs still running stopped ("shutting down").
internal sealed class ProxyDrain(RunLimiter limiter, TimeProvider time, ILogger<ProxyDrain> logger) : IHostedLifecycleService
{
    // Above the CLI timeout: time for the last lines to be written and the closing line sent.
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    // After the deadline: how long the stopped runs get to send their closing "shutting down" line.
    private static readonly TimeSpan LastWords = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _draining = new();
    private readonly CancellationTokenSource _abandoned = new();

    public bool IsDraining => _draining.IsCancellationRequested;

    // Fires when draining starts: waits for a turn end.
    public CancellationToken Draining => _draining.Token;

    // Fires when the shutdown deadline passes: running CLIs are stopped.
    public CancellationToken Abandoned => _abandoned.Token;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        Log.Draining(logger, limiter.Running, limiter.Waiting);
        await _draining.CancelAsync();
        cancellationToken.Register(_abandoned.Cancel);
        while (limiter.Running + limiter.Waiting > 0)
        {
            try
            {
                await Task.Delay(Poll, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Log.DrainAbandoned(logger, limiter.Running);
                await WaitForLastWordsAsync();
                return;
            }
        }

        Log.Drained(logger);
    }

    private async Task WaitForLastWordsAsync()
    {
        var started = time.GetTimestamp();
        while (limiter.Running > 0 && time.GetElapsedTime(started) < LastWords)
        {
            await Task.Delay(Poll, time, CancellationToken.None);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
