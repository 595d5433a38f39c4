namespace ChatOps.ColdStartBench;

/// <summary>One way of publishing the app: the Makefile's command (framework-dependent linux-x64, ReadyToRun) or the
/// same with ReadyToRun off.</summary>
internal sealed record Variant(string Name, bool ReadyToRun, string OutputDirectory)
{
    public const string AppName = "LarkBotAdapter";

    public string Apphost => Path.Combine(OutputDirectory, AppName);

    public static IReadOnlyList<Variant> All(string repositoryRoot)
    {
        var root = Path.Combine(repositoryRoot, "bench", "ColdStartBench", "obj", "published");
        return [new Variant("plain (JIT)", false, Path.Combine(root, "plain")), new Variant("ReadyToRun", true, Path.Combine(root, "r2r"))];
    }

    /// <summary>The arguments after <c>dotnet</c>; with ReadyToRun this is exactly the Makefile's build-BotFunction.</summary>
    public IReadOnlyList<string> PublishArguments(string project) =>
    [
        "publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
        $"-p:PublishReadyToRun={(ReadyToRun ? "true" : "false")}", "--nologo", "-o", OutputDirectory,
    ];
}
