namespace ChatOps.TestKit.Dynamo;

/// <summary>Finds what running dynalite needs: node on PATH and tests/tooling/node_modules (after <c>npm ci</c>).</summary>
public static class DynaliteRequirements
{
    /// <summary>Start of the skip message of every DynamoDB test.</summary>
    public const string SkipMessagePrefix = "DynamoDB tests need node and `npm ci` in tests/tooling: ";

    private static readonly Lazy<(string? Node, string? Cli, string? Missing)> Probe = new(Find);

    /// <summary>The node executable found on PATH, or null.</summary>
    public static string? NodePath => Probe.Value.Node;

    /// <summary>dynalite's cli.js in tests/tooling/node_modules, or null.</summary>
    public static string? CliPath => Probe.Value.Cli;

    /// <summary>What is missing, or null when dynalite can run.</summary>
    public static string? Missing => Probe.Value.Missing;

    /// <summary>The folder holding ChatOps.sln, found by walking up from the test binaries; null if not found.</summary>
    public static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static (string? Node, string? Cli, string? Missing) Find()
    {
        var node = FindOnPath(OperatingSystem.IsWindows() ? "node.exe" : "node");
        var root = FindRepositoryRoot();
        var cli = root is null ? null : Path.Combine(root, "tests", "tooling", "node_modules", "dynalite", "cli.js");
        var missing = new List<string>();
        if (node is null)
        {
            missing.Add("`node` is not on PATH");
        }

        if (root is null)
        {
            missing.Add($"no ChatOps.sln above {AppContext.BaseDirectory}");
        }
        else if (!File.Exists(cli))
        {
            missing.Add($"{Path.Combine(root, "tests", "tooling", "node_modules", "dynalite")} is missing (run `npm ci` in tests/tooling)");
        }

        return (node, File.Exists(cli) ? cli : null, missing.Count == 0 ? null : string.Join("; ", missing));
    }

    private static string? FindOnPath(string executable)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir.Trim('"'), executable))
            .FirstOrDefault(File.Exists);
    }
}
