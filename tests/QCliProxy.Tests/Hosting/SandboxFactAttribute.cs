using System.Diagnostics;

namespace ChatOps.QCliProxy.Tests.Hosting;

/// <summary>A test that runs the CLI inside bubblewrap: skipped where <c>bwrap --ro-bind / / true</c> cannot run.</summary>
public sealed class SandboxFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Problem = new(Check);

    public SandboxFactAttribute()
    {
        if (Problem.Value is { } problem)
        {
            Skip = "bwrap cannot run here: " + problem;
        }
    }

    /// <summary>The test also starts the CLI as another account, which needs root.</summary>
    public bool AsAnotherAccount
    {
        get => false;
        init
        {
            if (value && Skip is null && Environment.UserName != "root")
            {
                Skip = "Running the CLI as another account needs root; this run is " + Environment.UserName;
            }
        }
    }

    private static string? Check()
    {
        try
        {
            var start = new ProcessStartInfo("bwrap") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "--ro-bind", "/", "/", "--unshare-pid", "--proc", "/proc", "true" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"exit code {process.ExitCode}: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return "not installed (" + e.Message + ")";
        }
    }
}
