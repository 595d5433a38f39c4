namespace ChatOps.LarkBotAdapter.Local.Ops;

// chatops-kubectl and chatops-helm for one run: scripts in the run's own bin folder (first on the CLI's PATH) that
// start this program as `tool kubectl|helm ARGS…`, the gate the proxy's wrappers start (OpsAgent/Gate), so the agent's
// only shell commands go through the same fixed grammar on a laptop.
public static class GateWrappers
{
    public static readonly string[] Tools = ["kubectl", "helm"];

    public static void Write(string bin)
    {
        Directory.CreateDirectory(bin);
        var command = string.Join(' ', ThisProgram().Select(Quote));
        foreach (var tool in Tools)
        {
            var text = "#!/bin/sh\n"
                + $"# Written by ask's laptop route for one run: {tool} through the gate's fixed grammar, never through a shell.\n"
                + $"exec {command} tool {tool} \"$@\"\n";
            var path = Path.Join(bin, "chatops-" + tool);
            File.WriteAllText(path, text);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            }
        }
    }

    // How to start this program again: its app host, or the dotnet host with this assembly (dotnet run, tests).
    internal static IReadOnlyList<string> ThisProgram()
    {
        var assembly = typeof(GateWrappers).Assembly.Location;
        var process = Environment.ProcessPath;
        var appHost = Path.ChangeExtension(assembly, null);
        if (process is not null && string.Equals(process, appHost, StringComparison.Ordinal))
        {
            return [appHost];
        }

        var dotnet = process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? process
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return [dotnet, assembly];
    }

    // One word for sh: single-quoted, with each ' written as '\''.
    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
