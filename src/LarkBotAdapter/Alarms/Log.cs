namespace ChatOps.LarkBotAdapter.Alarms;

// Log messages of this area; EventIds 9200–9299 (docs/ARCHITECTURE.md, "Logging").
internal static partial class Log
{
    [LoggerMessage(EventId = 9200, Level = LogLevel.Information, Message = "SNS message {MessageId} from {TopicArn} is not a CloudWatch alarm; ignored")]
    public static partial void NotAnAlarm(ILogger logger, string messageId, string topicArn);

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "SNS event refused: {Problem}")]
    public static partial void Malformed(ILogger logger, string problem);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Information, Message = "Alarm {AlarmName} ({State}) from SNS message {MessageId}: {Reason}; nothing posted")]
    public static partial void Skipped(ILogger logger, string alarmName, string state, string messageId, string reason);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Information, Message = "SNS message {MessageId} delivered again; its alarm is already handled")]
    public static partial void Duplicate(ILogger logger, string messageId);

    [LoggerMessage(EventId = 9204, Level = LogLevel.Information, Message = "Alarm {AlarmName} ({State}) from SNS message {MessageId} handed off to {Targets} chats")]
    public static partial void Accepted(ILogger logger, string alarmName, string state, string messageId, int targets);

    [LoggerMessage(EventId = 9205, Level = LogLevel.Error, Message = "SNS message {MessageId}: {What}; answering 500 so Lambda retries it")]
    public static partial void NotHandedOff(ILogger logger, string messageId, string what, Exception exception);

    [LoggerMessage(EventId = 9210, Level = LogLevel.Information, Message = "Alarm episode {Episode} opened ({State}) in {Target}")]
    public static partial void EpisodeOpened(ILogger logger, string episode, string state, string target);

    [LoggerMessage(EventId = 9211, Level = LogLevel.Information, Message = "Alarm episode {Episode}: {State} at {Time:o} repeats what is recorded; nothing opened")]
    public static partial void Repeated(ILogger logger, string episode, string state, DateTimeOffset time);

    [LoggerMessage(EventId = 9212, Level = LogLevel.Information, Message = "Alarm episode {Episode} resolved after {Duration}")]
    public static partial void Resolved(ILogger logger, string episode, TimeSpan duration);

    [LoggerMessage(EventId = 9213, Level = LogLevel.Information, Message = "Alarm episode {Episode}: OK with no open episode; nothing posted")]
    public static partial void NothingOpen(ILogger logger, string episode);

    [LoggerMessage(EventId = 9214, Level = LogLevel.Warning, Message = "Alarm storm in {Target}: {Alarm} goes into the minute's summary")]
    public static partial void Summarized(ILogger logger, string target, string alarm);

    [LoggerMessage(EventId = 9215, Level = LogLevel.Warning, Message = "Alarm {Target}: the {Platform} channel cannot post alarm messages")]
    public static partial void NoAlarmPosts(ILogger logger, string target, string platform);

    [LoggerMessage(EventId = 9216, Level = LogLevel.Information, Message = "Alarm thread {ThreadKey}: diagnosis starts (profile {Profile})")]
    public static partial void DiagnosisStarted(ILogger logger, string threadKey, string? profile);

    [LoggerMessage(EventId = 9217, Level = LogLevel.Warning, Message = "Alarm thread {ThreadKey}: its context could not be written; follow-ups need an @mention")]
    public static partial void ThreadNotPrepared(ILogger logger, string threadKey, Exception exception);
}
