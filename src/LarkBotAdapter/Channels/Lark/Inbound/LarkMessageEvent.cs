using System.Text.Json;
using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

// Turns the event object of im.message.receive_v1 into a ChatTurn.
internal static class LarkMessageEvent
{
    public static LarkInbound Read(LarkEventHeader header, JsonElement body)
    {
        var sender = LarkJson.RequiredObject(body, "sender", "event.sender");
        var senderType = LarkJson.RequiredString(sender, "sender_type", "event.sender.sender_type");
        var senderIds = LarkJson.OptionalObject(sender, "sender_id", "event.sender.sender_id");
        var senderId = senderIds is { } ids
            ? LarkJson.OptionalString(ids, "open_id", "event.sender.sender_id.open_id")
              ?? LarkJson.OptionalString(ids, "union_id", "event.sender.sender_id.union_id")
              ?? LarkJson.OptionalString(ids, "user_id", "event.sender.sender_id.user_id")
            : null;
        if (senderId is null && senderType == "user")
        {
            throw new LarkJsonException("event.sender.sender_id.open_id is required");
        }

        var message = LarkJson.RequiredObject(body, "message", "event.message");
        var messageType = LarkJson.RequiredString(message, "message_type", "event.message.message_type");
        var content = LarkJson.OptionalString(message, "content", "event.message.content") ?? string.Empty;

        var turn = new ChatTurn(
            Platform: Platforms.Lark,
            AppId: header.AppId,
            ChatId: LarkJson.RequiredString(message, "chat_id", "event.message.chat_id"),
            ChatType: LarkJson.RequiredString(message, "chat_type", "event.message.chat_type"),
            MessageId: LarkJson.RequiredString(message, "message_id", "event.message.message_id"),
            RootId: LarkJson.OptionalString(message, "root_id", "event.message.root_id"),
            ThreadId: LarkJson.OptionalString(message, "thread_id", "event.message.thread_id"),
            SenderId: senderId ?? string.Empty,
            MessageType: messageType,
            Text: LarkMessageText.Extract(messageType, content),
            MentionedIds: ReadMentions(message));
        return new LarkInbound.MessageReceived(header, turn, senderType);
    }

    private static string[] ReadMentions(JsonElement message)
    {
        if (LarkJson.OptionalArray(message, "mentions", "event.message.mentions") is not { } mentions)
        {
            return [];
        }

        var ids = new List<string>();
        foreach (var mention in mentions.EnumerateArray())
        {
            if (mention.ValueKind != JsonValueKind.Object)
            {
                throw new LarkJsonException("event.message.mentions[] must be objects");
            }

            // @_all has no id; it mentions nobody in particular.
            var id = LarkJson.OptionalObject(mention, "id", "event.message.mentions[].id");
            if (id is { } value && LarkJson.OptionalString(value, "open_id", "event.message.mentions[].id.open_id") is { } openId)
            {
                ids.Add(openId);
            }
        }

        return [.. ids];
    }
}
