using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Running;
using ChatOps.QCliProxy.Security;

namespace ChatOps.QCliProxy;

// Says at start-up which CLI runs, as whom and with what trust; warns when it shares the proxy's user.
internal sealed class CliSetupNotice(ProxyOptions options, CliUser user, ILogger<CliSetupNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var mode = options.Agent is null ? "--trust-tools=" + string.Join(',', options.TrustTools) : "agent " + options.Agent;
        mode += options.Sandbox == SandboxMode.Bwrap ? ", sandbox bwrap" : ", no sandbox";
        Log.CliSetup(logger, options.Command, options.Flavor.ToString(), user.Account?.Name ?? Environment.UserName, mode);
        if (user.Account is null)
        {
            Log.RunsAsProxyUser(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
