using ChatOps.OpsAgent.Gate;

namespace ChatOps.QCliProxy.Tests.Gate;

/// <summary>
/// A stand-in kubectl or helm in its own temp folder: a script that writes its argv (NUL-separated) to a file, prints
/// one line, echoes stdin when FAKE_READ_STDIN=1 and exits with FAKE_EXIT. <see cref="Run"/> calls the gate's real
/// entry point in-process with QCLI_KUBECTL/QCLI_HELM pointing at it.
/// </summary>
internal sealed class FakeTool : IDisposable
{
    public FakeTool(string tool)
    {
        Tool = tool;
        Folder = Directory.CreateTempSubdirectory("gate-tests-").FullName;
        Path = System.IO.Path.Combine(Folder, tool);
        Write(Path, RecordFile);
    }

    public string Tool { get; }

    public string Folder { get; }

    public string Path { get; }

    public string RecordFile => System.IO.Path.Combine(Folder, "argv");

    public string Variable => Tool == "kubectl" ? "QCLI_KUBECTL" : "QCLI_HELM";

    /// <summary>The argv the fake was started with, or null when it never ran.</summary>
    public string[]? Recorded => File.Exists(RecordFile) ? File.ReadAllText(RecordFile).Split('\0')[..^1] : null;

    public static void Write(string path, string recordFile)
    {
        File.WriteAllText(path, $$"""
            #!/bin/sh
            printf '%s\0' "$@" > '{{recordFile}}'
            echo "fake {{System.IO.Path.GetFileName(path)}} ran"
            if [ "${FAKE_READ_STDIN:-}" = 1 ]; then echo "stdin: $(cat)"; fi
            exit "${FAKE_EXIT:-0}"
            """);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public GateResult Run(params string[] args) => RunWith(name => name == Variable ? Path : null, args);

    public GateResult RunWith(Func<string, string?> environment, params string[] args)
    {
        using var error = new StringWriter();
        var exitCode = ToolGate.Run([Tool, .. args], environment, error);
        return new GateResult(exitCode, error.ToString(), Recorded);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
