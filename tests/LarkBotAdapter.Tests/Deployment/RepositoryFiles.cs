using ChatOps.TestKit.Dynamo;

namespace ChatOps.LarkBotAdapter.Tests.Deployment;

/// <summary>Files of the repository the tests run from (found by walking up to ChatOps.sln).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = DynaliteRequirements.FindRepositoryRoot()
        ?? throw new InvalidOperationException($"No ChatOps.sln above {AppContext.BaseDirectory}.");

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The C# sources under a folder, without build output.</summary>
    public static IEnumerable<string> Sources(string folder) =>
        Directory.EnumerateFiles(Path(folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>A path relative to the repository root, for messages.</summary>
    public static string Relative(string path) => System.IO.Path.GetRelativePath(Root, path);
}
