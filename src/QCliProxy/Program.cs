using ChatOps.QCliProxy.Configuration;
using Microsoft.Extensions.Options;

namespace ChatOps.QCliProxy;

// Entry point. Not top-level statements, so a test project can reference this app and the web app together.
public sealed class Program
{
    private Program()
    {
    }

    public static async Task<int> Main(string[] args)
    {
        // Capabilities granted to the service (to start the CLI as its own user) must not pass on to the CLI.
        Hosting.ProcessPrivileges.ClearAmbient();
        if (args is [Proposals.Tools.ProposalMcpServer.Command])
        {
            // Started by the CLI from its agent configuration: the proposal tools over stdio, no web host.
            return await Proposals.Tools.ProposalMcpServer.RunAsync();
        }

        if (args is [ChatOps.OpsAgent.Gate.ToolGate.Command, ..])
        {
            // chatops-kubectl / chatops-helm, run by the CLI's shell tool: no web host, no proxy settings or secret.
            return ChatOps.OpsAgent.Gate.ToolGate.Run(args[1..], Environment.GetEnvironmentVariable, Console.Error);
        }

        await using var app = ProxyApp.Build(args);
        try
        {
            // Read the settings before the host starts, so a bad one is reported plainly rather than as a start-up crash.
            _ = app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<Proposals.ProposalOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<Telemetry.ProxyMetricsOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            // Exit code 2: a configuration error that restarting will not fix (the systemd unit does not restart on it).
            await Console.Error.WriteLineAsync("qcli-proxy: invalid configuration:\n  " + string.Join("\n  ", e.Failures));
            return 2;
        }

        await app.RunAsync();
        return 0;
    }
}
