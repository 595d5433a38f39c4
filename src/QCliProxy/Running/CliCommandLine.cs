using System.Diagnostics;
using ChatOps.QCliProxy.Configuration;

namespace ChatOps.QCliProxy.Running;

/// <summary>
/// Builds <c>&lt;QCLI_COMMAND&gt; &lt;QCLI_ARGS&gt; --trust-tools=&lt;list&gt; [--resume] [--] &lt;prompt&gt;</c> as an argument
/// list: no shell ever sees the prompt.
/// </summary>
internal sealed class CliCommandLine(ProxyOptions options, ChildEnvironment environment)
{
    public ProcessStartInfo Create(CliInvocation run)
    {
        var start = NewStartInfo(run.WorkingDirectory, run.AwsProfile);
        foreach (var argument in options.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--trust-tools=" + string.Join(',', options.TrustTools));
        if (run.Resume)
        {
            start.ArgumentList.Add("--resume");
        }

        // A prompt such as "--trust-all-tools" must stay a prompt, not become an option.
        if (run.Prompt.StartsWith('-'))
        {
            start.ArgumentList.Add("--");
        }

        start.ArgumentList.Add(run.Prompt);
        return start;
    }

    /// <summary><c>&lt;command&gt; --version</c>, for the health report.</summary>
    public ProcessStartInfo CreateVersionProbe(string workingDirectory)
    {
        var start = NewStartInfo(workingDirectory, awsProfile: null);
        start.ArgumentList.Add("--version");
        return start;
    }

    private ProcessStartInfo NewStartInfo(string workingDirectory, string? awsProfile)
    {
        var start = new ProcessStartInfo(options.Command)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            WorkingDirectory = workingDirectory,
        };
        start.Environment.Clear();
        foreach (var (name, value) in environment.Build(awsProfile))
        {
            start.Environment[name] = value;
        }

        return start;
    }
}
