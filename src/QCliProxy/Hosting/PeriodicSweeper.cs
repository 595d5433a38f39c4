namespace ChatOps.QCliProxy.Hosting;

// A background service that sweeps at start and then every interval. A sweep that fails on the file system is
// logged and retried at the next tick; anything else stops the service as usual.
internal abstract class PeriodicSweeper(TimeSpan interval, TimeProvider time) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    // One pass; returns how many things were deleted.
    public abstract int Sweep();

    protected abstract void LogSwept(int count);

    protected abstract void LogFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, Time);
        do
        {
            try
            {
                var swept = Sweep();
                if (swept > 0)
                {
                    LogSwept(swept);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
