using System.Runtime.Versioning;
using ChatOps.LarkBotAdapter.Local;
using ChatOps.TestKit.QCli;

namespace ChatOps.LarkBotAdapter.Tests.Local.Ops;

/// <summary>
/// A laptop in a temporary folder for <c>ask</c>'s ops route: HOME (with ~/.aws/config and credentials holding three
/// profiles), XDG_CACHE_HOME, and a PATH with the fake <c>q</c> and a fake <c>kubectl</c> that records its arguments.
/// The real home is never touched.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class LaptopOpsFolder : IDisposable
{
    private readonly string _path;

    public LaptopOpsFolder(bool withCli = true)
    {
        Root = Directory.CreateTempSubdirectory("chatops-laptop-").FullName;
        _path = withCli ? $"{Bin}:/usr/bin:/bin" : Bin;
        Directory.CreateDirectory(Path.Join(Home, ".aws"));
        Directory.CreateDirectory(Bin);
        File.WriteAllText(Path.Join(Home, ".aws", "config"),
            "[default]\nregion = us-east-1\n\n[profile prod]\nregion = eu-west-1\n\n[profile staging]\nregion = us-west-2\n");
        File.WriteAllText(Path.Join(Home, ".aws", "credentials"),
            "[prod]\naws_access_key_id = AKIAPRODEXAMPLE\naws_secret_access_key = prod-secret-example\n\n"
            + "[staging]\naws_access_key_id = AKIASTAGINGEXAMPLE\naws_secret_access_key = staging-secret-example\n");
        if (withCli)
        {
            File.CreateSymbolicLink(Path.Join(Bin, "q"), FakeCli.Path);
        }

        File.WriteAllText(Path.Join(Bin, "kubectl"), $"#!/bin/sh\necho \"$*\" >> '{KubectlLog}'\necho KUBECTL_RAN\n");
        File.SetUnixFileMode(Path.Join(Bin, "kubectl"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Root { get; }

    // A run that never ends fails a test in two minutes rather than nine.
    public string AnswerTimeoutSeconds { get; init; } = "120";

    public string Home => Path.Join(Root, "home");

    public string Cache => Path.Join(Root, "cache");

    public string Bin => Path.Join(Root, "bin");

    public string KubectlLog => Path.Join(Root, "kubectl.log");

    public string Conversation(string name = "default") => Path.Join(Cache, "chatops", "conversations", name);

    public KeyValuePair<string, string?>[] Settings =>
    [
        new("HOME", Home),
        new("XDG_CACHE_HOME", Cache),
        new("PATH", _path),
        new("AWS_PROFILE", ""),
        new("AWS_CONFIG_FILE", ""),
        new("AWS_SHARED_CREDENTIALS_FILE", ""),
        new("CHATOPS_ANSWER_TIMEOUT_SECONDS", AnswerTimeoutSeconds),
    ];

    public async Task<(int Exit, string Out, string Err)> AskAsync(TextWriter? output, params string[] args)
    {
        output ??= new StringWriter();
        using var error = new StringWriter();
        var exit = await LocalCommands.RunAsync(["ask", .. args], new StringReader(""), output, error, Settings);
        return (exit, output.ToString()!, error.ToString());
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
