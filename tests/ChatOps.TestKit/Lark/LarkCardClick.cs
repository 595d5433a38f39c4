using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.TestKit.Lark;

/// <summary>Builds a <c>card.action.trigger</c> callback body (schema 2.0) as Lark posts it to the card callback URL when
/// someone clicks a button: <c>LarkCardClick.Button(value).By("ou_user").OnMessage("om_card").Build()</c>.</summary>
public sealed class LarkCardClick
{
    private static int sequence;
    private readonly IReadOnlyDictionary<string, string> _value;
    private string _operator = LarkEvent.DefaultSenderId;
    private string _messageId = "om_test_card";
    private string _token = LarkEvent.DefaultToken;
    private string _appId = LarkEvent.DefaultAppId;
    private DateTimeOffset _createdAt = DateTimeOffset.UtcNow;

    private LarkCardClick(IReadOnlyDictionary<string, string> value)
    {
        _value = value;
        EventId = $"ev_click_{Interlocked.Increment(ref sequence)}";
    }

    public string EventId { get; }

    public static LarkCardClick Button(IReadOnlyDictionary<string, string> value) => new(value);

    public LarkCardClick By(string openId)
    {
        _operator = openId;
        return this;
    }

    public LarkCardClick OnMessage(string messageId)
    {
        _messageId = messageId;
        return this;
    }

    public LarkCardClick WithToken(string token)
    {
        _token = token;
        return this;
    }

    public LarkCardClick ForApp(string appId)
    {
        _appId = appId;
        return this;
    }

    public LarkCardClick CreatedAt(DateTimeOffset createdAt)
    {
        _createdAt = createdAt;
        return this;
    }

    public string Build()
    {
        var value = new JsonObject();
        foreach (var (key, text) in _value)
        {
            value[key] = text;
        }
        var body = new JsonObject
        {
            ["schema"] = "2.0",
            ["header"] = new JsonObject
            {
                ["event_id"] = EventId,
                ["token"] = _token,
                ["create_time"] = _createdAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                ["event_type"] = "card.action.trigger",
                ["tenant_key"] = "test-tenant",
                ["app_id"] = _appId,
            },
            ["event"] = new JsonObject
            {
                ["operator"] = new JsonObject { ["tenant_key"] = "test-tenant", ["user_id"] = "u_test", ["open_id"] = _operator, ["union_id"] = "on_test" },
                ["token"] = "c-test-update-token",
                ["action"] = new JsonObject { ["value"] = value, ["tag"] = "button" },
                ["host"] = "im_message",
                ["context"] = new JsonObject { ["open_message_id"] = _messageId, ["open_chat_id"] = LarkEvent.DefaultChatId },
            },
        };
        return body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
