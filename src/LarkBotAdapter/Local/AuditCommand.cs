using System.Globalization;
using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Local;

// audit [--since 7d]: the approval audit trail as a table, oldest first. Reads the state table the environment
// configures (CHATOPS_STATE_TABLE); without one there is nothing to read, and it says so.
public static class AuditCommand
{
    // The console command: without a state table there is no trail to read, which is a configuration error.
    public static async Task<int> RunConsoleAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, ConsoleReport report)
    {
        var at = Array.IndexOf(args, "--since");
        var validSince = at < 0 || (at + 1 < args.Length && TryParseSpan(args[at + 1]) is not null);
        if (validSince && services.GetRequiredService<IApprovalStore>() is InMemoryApprovalStore)
        {
            report.Problem($"no state table to read the audit trail from — set {StateServiceCollectionExtensions.TableKey} (and AWS credentials)");
            return ExitCodes.Configuration;
        }

        return await RunAsync(services, args, output, error);
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var since = TimeSpan.FromDays(7);
        var at = Array.IndexOf(args, "--since");
        if (at >= 0 && (at + 1 >= args.Length || TryParseSpan(args[at + 1]) is not { } parsed))
        {
            await error.WriteLineAsync("--since takes a span like 12h, 7d or 90d (at most 90d).");
            return ExitCodes.Usage;
        }
        else if (at >= 0)
        {
            since = TryParseSpan(args[at + 1])!.Value;
        }
        var time = services.GetRequiredService<TimeProvider>();
        IReadOnlyList<AuditEntry> entries;
        try
        {
            entries = await services.GetRequiredService<IApprovalStore>().ListAuditAsync(time.GetUtcNow() - since, CancellationToken.None);
        }
        catch (StateUnavailableException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Failed;
        }
        await output.WriteLineAsync("time (UTC)           event     proposal          kind            who                      profile   outcome");
        foreach (var e in entries)
        {
            await output.WriteLineAsync(string.Join("  ",
                e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                e.Event.PadRight(8), e.ProposalId.PadRight(16), e.Kind.PadRight(14), e.Who.PadRight(23), (e.Profile ?? "default").PadRight(8),
                $"{e.Outcome} [args {e.ArgumentsHash[..Math.Min(12, e.ArgumentsHash.Length)]}, thread {e.Thread}]"));
        }
        await output.WriteLineAsync($"{entries.Count} entries since {(time.GetUtcNow() - since).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.");
        return 0;
    }

    // 12h, 7d, 90d (days at most 90, the retention).
    public static TimeSpan? TryParseSpan(string text)
    {
        if (text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            return null;
        }
        var span = text[^1] switch
        {
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => (TimeSpan?)null,
        };
        return span is { } s && s <= ApprovalAudit.Retention ? s : null;
    }
}
