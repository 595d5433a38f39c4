using System.ComponentModel;
using System.Diagnostics;

namespace ChatOps.OpsAgent.Gate;

// `QCliProxy tool kubectl|helm ARGS…`, installed as chatops-kubectl and chatops-helm: checks ARGS against the tool's
// grammar and runs the real binary with exactly those arguments (no shell), sharing stdin, stdout and stderr.
// It runs as the CLI's account and reads only QCLI_KUBECTL, QCLI_HELM and PATH: no proxy settings, no secret.
internal static class ToolGate
{
    public const string Command = "tool";

    // Exit codes: refused (as kubectl's own usage errors), the real binary missing (as a shell's "command not found").
    public const int Refused = 2;
    public const int Missing = 127;

    public static int Run(IReadOnlyList<string> args, Func<string, string?> environment, TextWriter error)
    {
        var (tool, variable) = args.Count > 0 ? args[0] switch
        {
            "kubectl" => ("kubectl", "QCLI_KUBECTL"),
            "helm" => ("helm", "QCLI_HELM"),
            _ => (null, null),
        } : (null, null);
        if (tool is null || variable is null)
        {
            error.WriteLine("qcli-proxy tool: refused: the tool must be kubectl or helm");
            return Refused;
        }

        var toolArgs = args.Skip(1).ToList();
        try
        {
            GateText.CheckArguments(toolArgs);
            if (tool == "kubectl")
            {
                KubectlGrammar.Check(toolArgs);
            }
            else
            {
                HelmGrammar.Check(toolArgs);
            }
        }
        catch (GateRefusal refusal)
        {
            error.WriteLine($"chatops-{tool}: refused: {refusal.Message}");
            return Refused;
        }

        try
        {
            return Execute(RealBinary.Find(tool, variable, environment), toolArgs);
        }
        catch (Exception e) when (e is RealBinaryMissing or Win32Exception)
        {
            error.WriteLine($"chatops-{tool}: cannot run {tool}: {e.Message}");
            return Missing;
        }
    }

    private static int Execute(string path, List<string> args)
    {
        // Nothing redirected: the child inherits stdin, stdout and stderr; the environment passes unchanged.
        var start = new ProcessStartInfo(path) { UseShellExecute = false };
        args.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start) ?? throw new RealBinaryMissing($"{path} did not start");
        process.WaitForExit();
        return process.ExitCode;
    }
}
