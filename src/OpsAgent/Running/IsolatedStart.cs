using System.Diagnostics;

namespace ChatOps.OpsAgent.Running;

// How every child of the ops route starts, in the proxy and on a laptop: no shell, an argument list, only the
// environment it is given (nothing inherited), and stdin, stdout and stderr redirected.
internal static class IsolatedStart
{
    public static ProcessStartInfo For(
        string file, string workingDirectory, IEnumerable<KeyValuePair<string, string>> environment, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return start;
    }
}
