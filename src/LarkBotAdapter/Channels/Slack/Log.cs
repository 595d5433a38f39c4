namespace ChatOps.LarkBotAdapter.Channels.Slack;

// Log messages of this area; EventIds 1200–1299 (docs/ARCHITECTURE.md, "Logging").
internal static partial class Log
{
    [LoggerMessage(EventId = 1250, Level = LogLevel.Information, Message = "Slack interaction ignored: {What}")]
    public static partial void InteractionIgnored(ILogger logger, string what);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Turn {ClaimKey}: the bot cannot post in the channel ({Error}); answering via response_url")]
    public static partial void UsingResponseUrl(ILogger logger, string claimKey, string error);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Could not learn the Slack bot's user id at start-up: {Reason}")]
    public static partial void WarmupFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Slack request rejected: bad or stale X-Slack-Signature")]
    public static partial void Rejected(ILogger logger);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Turn {ClaimKey}: Slack redelivery (X-Slack-Retry-Num {RetryNum})")]
    public static partial void Redelivery(ILogger logger, string claimKey, string retryNum);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Slack {Method} rate-limited; waiting {Seconds} s (Retry-After), attempt {Attempt}")]
    public static partial void RateLimited(ILogger logger, string method, double seconds, int attempt);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "Slack workspace {TeamId}: streamed answers unavailable (chat.startStream answered {Error}; is the chat:write scope granted and the token a bot token?); answering with segmented posts from now on")]
    public static partial void StreamsUnavailable(ILogger logger, string teamId, string error);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: Slack stream not started; this answer goes out as segmented posts")]
    public static partial void StreamNotStarted(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: a Slack stream update failed; the next one carries the rest")]
    public static partial void StreamUpdateFailed(ILogger logger, string claimKey, Exception exception);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Information, Message = "Turn {ClaimKey}: Slack ended the stream of message {Ts} before the answer; it is shown by editing the message")]
    public static partial void StreamEnded(ILogger logger, string claimKey, string ts);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Information, Message = "Turn {ClaimKey}: text already streamed to message {Ts} changed; the stream is stopped and the message edited")]
    public static partial void StreamRewritten(ILogger logger, string claimKey, string ts);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Information, Message = "Turn {ClaimKey}: message {Ts} of an earlier run cannot be edited ({Error}); a new one takes its place")]
    public static partial void EarlierMessageGone(ILogger logger, string claimKey, string ts, string error);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Information, Message = "Slack workspace {TeamId}: the assistant status could not be shown ({Error}); logged once per workspace")]
    public static partial void StatusNotShown(ILogger logger, string teamId, string error);

    [LoggerMessage(EventId = 1260, Level = LogLevel.Information, Message = "Approval card for proposal {ProposalId} posted in {Channel} as {Ts}")]
    public static partial void ApprovalCardPosted(ILogger logger, string proposalId, string channel, string ts);

    [LoggerMessage(EventId = 1261, Level = LogLevel.Warning, Message = "Slack approval click ignored: {Reason}")]
    public static partial void ApprovalClickIgnored(ILogger logger, string reason);

    [LoggerMessage(EventId = 1262, Level = LogLevel.Information, Message = "Slack approval click on proposal {ProposalId} by {Team}:{User}: {Outcome}")]
    public static partial void ApprovalClicked(ILogger logger, string proposalId, string team, string user, string outcome);

    [LoggerMessage(EventId = 1263, Level = LogLevel.Warning, Message = "Slack approval click on proposal {ProposalId}: the private answer could not be sent ({Error})")]
    public static partial void ApprovalAnswerNotSent(ILogger logger, string proposalId, string error);
}
