using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Jobs;

// Log messages of this area; EventIds 2100–2199 (docs/ARCHITECTURE.md, "Logging").
internal static partial class Log
{
    [LoggerMessage(EventId = 2112, Level = LogLevel.Error, Message = "Job {ClaimKey} failed for good; its answer may be incomplete")]
    public static partial void JobFailedForGood(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 2113, Level = LogLevel.Information,
        Message = "Stopping: no new jobs are taken (the platforms redeliver them elsewhere); {Pending} running or queued jobs get {DrainTime} to finish")]
    public static partial void Draining(ILogger logger, int pending, string drainTime);

    [LoggerMessage(EventId = 2114, Level = LogLevel.Information,
        Message = "Stopped: {Finished} jobs finished, {CutShort} cut short with a notice in their threads")]
    public static partial void Drained(ILogger logger, int finished, int cutShort);

    [LoggerMessage(EventId = 2115, Level = LogLevel.Warning, Message = "Job {ClaimKey} dropped: hop {Hop} would recurse")]
    public static partial void RecursiveJobDropped(ILogger logger, string claimKey, int hop);

    [LoggerMessage(EventId = 2116, Level = LogLevel.Error, Message = "Job {ClaimKey} failed; answering 500 so Lambda retries it")]
    public static partial void JobFailed(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 2117, Level = LogLevel.Information, Message = "Job {ClaimKey} delivered again while {Lease}; this delivery ends")]
    public static partial void DuplicateJob(ILogger logger, string claimKey, JobLease lease);

    [LoggerMessage(EventId = 2118, Level = LogLevel.Warning, Message = "Job {ClaimKey}: its lease was taken over by another run; this run stops")]
    public static partial void LeaseLost(ILogger logger, string claimKey);

    [LoggerMessage(EventId = 2119, Level = LogLevel.Warning, Message = "Job {ClaimKey}: its lease could not be written")]
    public static partial void LeaseNotRenewed(ILogger logger, string claimKey, Exception exception);
}
