using System.Security.Cryptography;
using System.Text.Json;
using ChatOps.Contracts;
using ChatOps.QCliProxy.Aws;
using ChatOps.QCliProxy.Proposals.Rules;
using ChatOps.QCliProxy.Proposals.Store;
using ChatOps.QCliProxy.Proposals;
using ChatOps.QCliProxy.Running.Sandbox;
using ChatOps.QCliProxy.Running;
using ChatOps.QCliProxy.Security;

namespace ChatOps.QCliProxy.Proposals.Capture;

// Each run gets an empty folder beside its AWS files (QCLI_STATE_DIR/.runs, swept like them) that the CLI's user may write (its name is passed to the
// CLI, and so to the proposal MCP server, as CHATOPS_PROPOSAL_SPOOL). The proxy takes proposals out of it while the run
// goes on, validates each one again, and stores it with the run's conversation and profile.
internal sealed class ProposalSpool(AwsProfileFiles awsFiles, CliUser user, ProposalStore store, ProposalOptions proposalOptions, TimeProvider time, ILogger<ProposalSpool> logger)
{
    // Larger files are not proposals the tool wrote.
    private const long MaxFileBytes = 64 * 1024;

    public string Root => awsFiles.Root;

    public RunSpool Create(string conversationId, string? profile)
    {
        Directory.CreateDirectory(Root);
        user.PrepareRoot(Root);
        var path = Path.Join(Root, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        Directory.CreateDirectory(path);
        user.PrepareWritable(path);
        return new RunSpool(path, conversationId, profile);
    }

    // The variables the CLI (and the MCP servers it starts) get for this run.
    public IReadOnlyDictionary<string, string> Environment(RunSpool spool)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { [ProposalEnvironment.Spool] = spool.Path };
        if (proposalOptions.RunbookDirectory is { } runbooks)
        {
            variables[ProposalEnvironment.RunbookDirectory] = Path.GetFullPath(runbooks);
        }

        if (proposalOptions.SupportServicesFile is { } services)
        {
            variables[ProposalEnvironment.SupportServices] = Path.GetFullPath(services);
        }

        return variables;
    }

    // The run's spool (writable) and the runbooks and service list the proposal tools read, for the run's sandbox.
    public SandboxPaths SandboxPaths(RunSpool spool) =>
        new(new[] { proposalOptions.RunbookDirectory, proposalOptions.SupportServicesFile }.OfType<string>().Select(Path.GetFullPath).ToList(), [spool.Path]);

    // Proposals written since the last call, validated and stored, in the order they were written.
    public IReadOnlyList<QCliProposal> Take(RunSpool spool)
    {
        if (!Directory.Exists(spool.Path))
        {
            return [];
        }

        var taken = new List<QCliProposal>();
        var services = new Lazy<SupportServices>(() => SupportServices.Load(proposalOptions.SupportServicesFile));
        var runbooks = new RunbookFolder(proposalOptions.RunbookDirectory);
        var files = new DirectoryInfo(spool.Path).EnumerateFiles("*.json")
            .Where(f => !spool.Seen.Contains(f.Name))
            .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal);
        foreach (var file in files)
        {
            spool.Seen.Add(file.Name);
            var request = Read(file);
            if (request is null)
            {
                Log.SpoolEntryRefused(logger, file.Name, "not a proposal written by the proposal tool");
                continue;
            }

            var (draft, problem) = ProposalRules.Build(request, services.Value, runbooks);
            if (draft is null || file.Name != draft.Id + ".json")
            {
                Log.SpoolEntryRefused(logger, file.Name, problem ?? "its name is not its id");
                continue;
            }

            var proposal = draft.Complete(spool.ConversationId, spool.Profile, time.GetUtcNow());
            if (!store.TryAdd(proposal))
            {
                Log.SpoolEntryRefused(logger, file.Name, "a proposal with this id exists");
                continue;
            }

            Log.ProposalRecorded(logger, proposal.Id, proposal.Kind, proposal.Profile, proposal.ArgumentsHash);
            taken.Add(proposal);
        }

        return taken;
    }

    private static ProposalRequest? Read(FileInfo file)
    {
        try
        {
            return file.Length > MaxFileBytes || file.LinkTarget is not null
                ? null
                : JsonSerializer.Deserialize(File.ReadAllBytes(file.FullName), ProposalJsonContext.Default.ProposalRequest);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

// A run's spool folder; deleted when the run ends.
internal sealed class RunSpool(string path, string conversationId, string? profile) : IDisposable
{
    public string Path { get; } = path;

    public string ConversationId { get; } = conversationId;

    public string? Profile { get; } = profile;

    public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the sweeper.
        }
    }
}
