using System.Diagnostics;
using ChatOps.OpsAgent.Agents;
using ChatOps.OpsAgent.Aws;
using ChatOps.OpsAgent.Prompting;
using ChatOps.OpsAgent.Running;

namespace ChatOps.LarkBotAdapter.Local.Ops;

// One prepared run of the CLI on this machine: the conversation's folder with the chatops agent written fresh, the
// run's folder (gate wrappers in bin/, one-profile AWS files in aws/), and the command line the proxy would use.
// Disposing deletes the run's folder.
public sealed class LocalOpsRun : IDisposable
{
    private readonly string _runFolder;

    private LocalOpsRun(string runFolder, string conversation, ProcessStartInfo start)
    {
        _runFolder = runFolder;
        Conversation = conversation;
        Start = start;
    }

    public string Conversation { get; }

    public ProcessStartInfo Start { get; }

    // Throws LocalRunException (profile missing, folders that cannot be made).
    public static LocalOpsRun Prepare(LocalEnvironment environment, string cli, AskOptions ask, string question)
    {
        var conversations = new LocalConversations(environment);
        var profile = LocalAwsFiles.Profile(environment, ask.Profile);
        var runFolder = "";
        try
        {
            var (folder, resume) = conversations.Open(ask.Conversation, ask.Fresh);
            WorkspaceAgents.Write(folder);
            runFolder = conversations.NewRunFolder();
            var aws = LocalAwsFiles.Write(environment, profile, Path.Join(runFolder, "aws"));
            GateWrappers.Write(Path.Join(runFolder, "bin"));
            var prompt = PromptFrame.Build(question, ConsoleChatChannel.PlatformName, Environment.UserName, profile);
            return new LocalOpsRun(runFolder, folder, CommandLine(environment, cli, folder, Path.Join(runFolder, "bin"), aws, resume, prompt));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LocalRunException)
        {
            Delete(runFolder);
            throw e as LocalRunException ?? new LocalRunException($"the laptop route could not prepare its folders under {conversations.Root}: {e.Message}", e);
        }
    }

    public void Dispose() => Delete(_runFolder);

    // <cli> chat --no-interactive --agent chatops [--resume] <framed prompt>, without a shell, in the conversation's
    // folder, with the allow-listed environment, the run's AWS files and the gate wrappers first on PATH.
    private static ProcessStartInfo CommandLine(
        LocalEnvironment environment, string cli, string folder, string bin, AwsRunFiles aws, bool resume, string prompt)
    {
        var child = environment.Variables.Where(v => CliVariables.Allowed(v.Key, [])).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        CliVariables.AddRunSettings(child, aws);
        child["PATH"] = bin + (environment["PATH"] is { } path ? ":" + path : "");
        string[] arguments = ["chat", "--no-interactive", "--agent", WorkspaceAgents.Name, .. resume ? ["--resume"] : Array.Empty<string>(), prompt];
        return IsolatedStart.For(cli, folder, child, arguments);
    }

    private static void Delete(string folder)
    {
        try
        {
            if (folder.Length > 0 && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover run folder holds no conversation; the next run makes its own.
        }
    }
}
