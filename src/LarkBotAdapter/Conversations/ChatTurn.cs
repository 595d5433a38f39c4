namespace ChatOps.LarkBotAdapter.Conversations;

// One incoming chat message, platform-neutral.
// Platform: lark or slack.
// AppId: The bot app that received it (Lark app_id, Slack api_app_id/team).
// ChatId: The chat/channel.
// ChatType: p2p or group.
// MessageId: The platform's message id (dedup key).
// RootId: The thread's root message id; null when this message starts the thread.
// ThreadId: The platform's thread id, when it has one.
// SenderId: The sender (open_id / user id).
// MessageType: Platform message type (text, post, image, ...).
// Text: Plain text with mention placeholders removed; empty for unsupported types.
// MentionedIds: Ids (open_id / Slack user id) of everyone @mentioned.
// ResponseUrl: Slack slash commands: the command's response_url, where replies go when the bot
// cannot post in the channel. Null elsewhere.
// CreatesThread: The question arrived without a chat message (a Slack slash command): the worker first
// posts it as the parent message of a new thread and answers there.
public sealed record ChatTurn(
    string Platform,
    string AppId,
    string ChatId,
    string ChatType,
    string MessageId,
    string? RootId,
    string? ThreadId,
    string SenderId,
    string MessageType,
    string Text,
    IReadOnlyList<string> MentionedIds,
    string? ResponseUrl = null,
    bool CreatesThread = false)
{
    // Key of the thread this message belongs to: the root message (itself when it starts one).
    public string ThreadKey => $"{Platform}:{AppId}:{ChatId}:{RootId ?? MessageId}";

    // Key that claims this message exactly once.
    public string ClaimKey => Platform == Platforms.Slack
        ? $"{Platform}:{AppId}:{ChatId}:{MessageId}" // a Slack ts is unique only within its channel
        : $"{Platform}:{AppId}:{MessageId}";

    // Whether the platform message type carries text the bot can answer.
    public bool IsSupported => MessageType is "text" or "post";

    // The sender of the turns the bot writes itself for a CloudWatch alarm (its diagnosis): no person asked.
    public const string AlarmSender = "cloudwatch";

    // Whether the bot wrote this turn for an alarm rather than a person asking.
    public bool IsFromAlarm => SenderId == AlarmSender;

    // Whether this is a one-to-one chat with the bot.
    public bool IsDirect => ChatType == ChatTypes.Direct;
}
