using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatOps.TestKit.Lark;

/// <summary>The fixed parts of an <c>im.message.receive_v1</c> body, as Lark delivers it.</summary>
internal static class LarkEventJson
{
    private const string TenantKey = "test-tenant";

    public static JsonObject Envelope(
        LarkEvent e, string content, string messageType, string? rootId, string? parentId, string? threadId, JsonArray mentions)
    {
        var millis = e.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var message = new JsonObject
        {
            ["message_id"] = e.MessageId,
            ["root_id"] = rootId ?? string.Empty,
            ["parent_id"] = parentId ?? string.Empty,
            ["create_time"] = millis,
            ["update_time"] = millis,
            ["chat_id"] = e.ChatId,
            ["chat_type"] = e.ChatType,
            ["message_type"] = messageType,
            ["content"] = content,
            ["mentions"] = mentions,
            ["user_agent"] = "Mozilla/5.0 (test)",
        };
        if (threadId is not null)
        {
            message["thread_id"] = threadId;
        }

        return new JsonObject
        {
            ["schema"] = "2.0",
            ["header"] = new JsonObject
            {
                ["event_id"] = e.EventId,
                ["event_type"] = e.EventType,
                ["create_time"] = millis,
                ["token"] = e.Token,
                ["app_id"] = e.AppId,
                ["tenant_key"] = TenantKey,
            },
            ["event"] = new JsonObject
            {
                ["sender"] = new JsonObject
                {
                    ["sender_id"] = Ids(e.SenderId),
                    ["sender_type"] = e.SenderType,
                    ["tenant_key"] = TenantKey,
                },
                ["message"] = message,
            },
        };
    }

    public static JsonObject Mention(string key, string openId, string name) => new()
    {
        ["key"] = key,
        ["id"] = Ids(openId),
        ["name"] = name,
        ["tenant_key"] = TenantKey,
    };

    // union_id/user_id are derived fakes so tests can tell the three ids apart.
    private static JsonObject Ids(string openId) => new()
    {
        ["open_id"] = openId,
        ["union_id"] = "on_" + openId,
        ["user_id"] = "u_" + openId,
    };
}
