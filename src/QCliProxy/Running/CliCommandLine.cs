using System.Diagnostics;
using ChatOps.OpsAgent.Aws;
using ChatOps.QCliProxy.Aws;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Running.Sandbox;
using ChatOps.QCliProxy.Security;

namespace ChatOps.QCliProxy.Running;

// Builds <QCLI_COMMAND> <QCLI_ARGS> (--agent <QCLI_AGENT> | --trust-tools=<list>) [--resume]
// <framed prompt> as an argument list, started as the CLI's own user (inside bwrap with QCLI_SANDBOX=bwrap): no shell
// ever sees the prompt.
internal sealed class CliCommandLine(ProxyOptions options, ChildEnvironment environment, CliUser user, BubblewrapSandbox sandbox)
{
    public ProcessStartInfo Create(CliInvocation run)
    {
        var start = NewStartInfo(run.WorkingDirectory, run.Aws);
        foreach (var (name, value) in run.Variables ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var argument in options.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The agent's toolsSettings decide what runs unasked; --trust-tools is only for a CLI without agents.
        if (options.Agent is not null)
        {
            start.ArgumentList.Add("--agent");
            start.ArgumentList.Add(options.Agent);
        }
        else
        {
            start.ArgumentList.Add("--trust-tools=" + string.Join(',', options.TrustTools));
        }

        if (run.Resume)
        {
            start.ArgumentList.Add("--resume");
        }

        // The framed prompt starts with the proxy's own words, so it is neither an option nor CLI input syntax.
        start.ArgumentList.Add(run.Prompt);
        sandbox.Wrap(start, run);
        return start;
    }

    // <command> --version, for the health report.
    public ProcessStartInfo CreateVersionProbe(string workingDirectory)
    {
        var start = NewStartInfo(workingDirectory, aws: null);
        start.ArgumentList.Add("--version");
        return start;
    }

    private ProcessStartInfo NewStartInfo(string workingDirectory, AwsRunFiles? aws) =>
        ChildProcess.StartInfo(options.Command, workingDirectory, environment.Build(aws), user);
}
