namespace ChatOps.LarkBotAdapter.Conversations;

// What a turn must look like before it is claimed or answered, wherever it came from.
public static class ChatTurnRules
{
    // Longest id accepted. Real ids are under 64 characters; DynamoDB keys stop at 2,048 bytes and reply URLs
    // carry the message id, so a huge id could only fail later, after the claim, as a 5xx the platform retries forever.
    public const int MaxIdChars = 256;

    // Why the turn cannot be answered, or null when it is well formed.
    public static string? Problem(ChatTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        string?[] ids = [turn.Platform, turn.AppId, turn.ChatId, turn.ChatType, turn.MessageId, turn.SenderId, turn.MessageType];
        if (ids.Any(string.IsNullOrEmpty) || turn.Text is null || turn.MentionedIds is null || turn.MentionedIds.Any(id => id is null))
        {
            return "turn fields missing (platform, appId, chatId, chatType, messageId, senderId, messageType, text, mentionedIds)";
        }
        string?[] optional = [turn.RootId, turn.ThreadId];
        return ids.Concat(optional).Concat(turn.MentionedIds).Any(id => id is { Length: > MaxIdChars })
            ? $"an id is longer than {MaxIdChars} characters"
            : null;
    }
}
