namespace ChatOps.Contracts;

/// <summary>The body of <c>POST /v1/proposals/{id}/execute</c> (signed like chat requests).</summary>
/// <param name="ArgumentsHash">The <see cref="QCliProposalHash"/> of what the approver saw; a mismatch is refused (409).</param>
/// <param name="ApprovedBy">Who approved (platform-qualified user id), for the proxy's audit log.</param>
internal sealed record QCliExecuteRequest(string? ArgumentsHash, string? ApprovedBy);

/// <summary>The answer of an execution (200), the same for every retry of one proposal: it runs once.</summary>
/// <param name="Status"><c>done</c> or <c>failed</c>.</param>
/// <param name="Summary">A short text for the thread (scrubbed by the bot before it is posted).</param>
/// <param name="CaseId">The support case id, for a support case.</param>
/// <param name="Link">A console link to the case, for a support case.</param>
/// <param name="ExitCode">The script's exit code, for a runbook action.</param>
/// <param name="Output">The end of the script's output (at most 4,000 characters), for a runbook action.</param>
/// <param name="ExecutedAt">When it ran (UTC).</param>
internal sealed record QCliExecuteResult(
    string Status,
    string Summary,
    string? CaseId,
    string? Link,
    int? ExitCode,
    string? Output,
    DateTimeOffset ExecutedAt)
{
    public const string Done = "done";
    public const string Failed = "failed";

    /// <summary>A failed execution at <paramref name="executedAt"/>; the exit code and output only for a runbook that ran.</summary>
    public static QCliExecuteResult Failure(string summary, DateTimeOffset executedAt, int? exitCode = null, string? output = null) =>
        new(Failed, summary, null, null, exitCode, output, executedAt);
}
