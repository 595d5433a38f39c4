using ChatOps.QCliProxy.Configuration;

namespace ChatOps.QCliProxy;

// Says loudly at start-up that requests are not authenticated, or only weakly (v1 signatures), when that is so.
internal sealed class DevModeNotice(ProxyOptions options, ILogger<DevModeNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Secret is null)
        {
            Log.DevModeUnauthenticated(logger);
        }
        else if (options.AcceptV1Signatures)
        {
            Log.AcceptsV1Signatures(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
