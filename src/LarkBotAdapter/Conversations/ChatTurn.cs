namespace ChatOps.LarkBotAdapter.Conversations;

/// <summary>One incoming chat message, platform-neutral.</summary>
/// <param name="Platform"><c>lark</c> or <c>slack</c>.</param>
/// <param name="AppId">The bot app that received it (Lark app_id, Slack api_app_id/team).</param>
/// <param name="ChatId">The chat/channel.</param>
/// <param name="ChatType"><c>p2p</c> or <c>group</c>.</param>
/// <param name="MessageId">The platform's message id (dedup key).</param>
/// <param name="RootId">The thread's root message id; null when this message starts the thread.</param>
/// <param name="ThreadId">The platform's thread id, when it has one.</param>
/// <param name="SenderId">The sender (open_id / user id).</param>
/// <param name="MessageType">Platform message type (<c>text</c>, <c>post</c>, <c>image</c>, ...).</param>
/// <param name="Text">Plain text with mention placeholders removed; empty for unsupported types.</param>
/// <param name="MentionedIds">Ids (open_id / Slack user id) of everyone @mentioned.</param>
/// <param name="ResponseUrl">Slack slash commands: the command's <c>response_url</c>, where replies go when the bot
/// cannot post in the channel. Null elsewhere.</param>
/// <param name="CreatesThread">The question arrived without a chat message (a Slack slash command): the worker first
/// posts it as the parent message of a new thread and answers there.</param>
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
    /// <summary>Key of the thread this message belongs to: the root message (itself when it starts one).</summary>
    public string ThreadKey => $"{Platform}:{AppId}:{ChatId}:{RootId ?? MessageId}";

    /// <summary>Key that claims this message exactly once.</summary>
    public string ClaimKey => Platform == Platforms.Slack
        ? $"{Platform}:{AppId}:{ChatId}:{MessageId}" // a Slack ts is unique only within its channel
        : $"{Platform}:{AppId}:{MessageId}";

    /// <summary>Whether the platform message type carries text the bot can answer.</summary>
    public bool IsSupported => MessageType is "text" or "post";

    /// <summary>Whether this is a one-to-one chat with the bot.</summary>
    public bool IsDirect => ChatType == ChatTypes.Direct;
}
