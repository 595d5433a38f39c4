using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.TestKit.Lark;

/// <summary>
/// Builds Lark schema 2.0 event bodies, e.g.
/// <c>LarkEvent.Text("hi").MentioningBot("ou_bot").InGroup("oc_chat").From("ou_user").Build()</c>.
/// Every default is an obviously fake test value; message and event ids are unique per builder.
/// </summary>
public sealed class LarkEvent
{
    public const string DefaultAppId = "cli_test_app";
    public const string DefaultToken = "test-verification-token";
    public const string DefaultBotOpenId = "ou_test_bot";
    public const string DefaultChatId = "oc_test_chat";
    public const string DefaultSenderId = "ou_test_user";

    // Real events carry raw UTF-8, not \u escapes.
    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static int sequence;

    private readonly string messageType;
    private readonly Func<LarkEvent, JsonObject> content;
    private readonly List<(string Key, string OpenId, string Name)> mentions = [];
    private string? rootId;
    private string? parentId;
    private string? threadId;

    private LarkEvent(string messageType, Func<LarkEvent, JsonObject> content)
    {
        var n = Interlocked.Increment(ref sequence);
        this.messageType = messageType;
        this.content = content;
        MessageId = $"om_test_{n}";
        EventId = $"ev_test_{n}";
    }

    public string MessageId { get; private set; }
    public string EventId { get; private set; }
    public string AppId { get; private set; } = DefaultAppId;
    public string Token { get; private set; } = DefaultToken;
    public string ChatId { get; private set; } = DefaultChatId;
    public string ChatType { get; private set; } = "group";
    public string SenderId { get; private set; } = DefaultSenderId;
    public string SenderType { get; private set; } = "user";
    public string EventType { get; private set; } = "im.message.receive_v1";
    public DateTimeOffset CreatedAt { get; private set; } = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
    public string? Locale { get; private set; }

    public static LarkEvent Text(string text) =>
        new("text", e => new JsonObject { ["text"] = string.Concat(e.mentions.Select(m => m.Key + " ")) + text });

    /// <summary>A rich-text message; mentions are put in front of the first paragraph as @ elements.</summary>
    public static LarkEvent Post(string? title, params JsonObject[][] paragraphs) => new("post", e => e.PostBody(title, paragraphs));

    public static LarkEvent Image(string imageKey = "img_v2_test") => new("image", _ => new JsonObject { ["image_key"] = imageKey });

    /// <summary>Any other message type with its content object (e.g. <c>file</c>, <c>sticker</c>).</summary>
    public static LarkEvent OfType(string messageType, JsonObject content) => new(messageType, _ => (JsonObject)content.DeepClone());

    /// <summary>The plain URL verification body.</summary>
    public static string Challenge(string challenge, string? token = DefaultToken) =>
        new JsonObject { ["challenge"] = challenge, ["token"] = token, ["type"] = "url_verification" }.ToJsonString(WriteOptions);

    public LarkEvent MentioningBot(string botOpenId = DefaultBotOpenId, string name = "ChatOps Bot") => Mentioning(botOpenId, name);

    public LarkEvent Mentioning(string openId, string name)
    {
        mentions.Add(($"@_user_{mentions.Count + 1}", openId, name));
        return this;
    }

    public LarkEvent InGroup(string chatId = DefaultChatId) => With(() => (ChatId, ChatType) = (chatId, "group"));

    public LarkEvent InP2p(string chatId = "oc_test_p2p") => With(() => (ChatId, ChatType) = (chatId, "p2p"));

    /// <summary>A reply inside a thread; the parent defaults to the root.</summary>
    public LarkEvent InThread(string rootId, string? threadId = null, string? parentId = null) =>
        With(() => (this.rootId, this.threadId, this.parentId) = (rootId, threadId, parentId ?? rootId));

    public LarkEvent From(string openId) => With(() => (SenderId, SenderType) = (openId, "user"));

    /// <summary>Sent by another bot (<c>sender_type: app</c>).</summary>
    public LarkEvent FromApp(string openId = "ou_test_other_bot") => With(() => (SenderId, SenderType) = (openId, "app"));

    public LarkEvent ForApp(string appId, string? token = null) => With(() => (AppId, Token) = (appId, token ?? Token));

    public LarkEvent WithMessageId(string messageId) => With(() => MessageId = messageId);

    public LarkEvent WithEventId(string eventId) => With(() => EventId = eventId);

    public LarkEvent WithEventType(string eventType) => With(() => EventType = eventType);

    public LarkEvent At(DateTimeOffset createdAt) => With(() => CreatedAt = createdAt);

    /// <summary>Wraps post content per locale (<c>{"zh_cn": {...}}</c>), the shape of the send and read APIs.</summary>
    public LarkEvent LocaleWrapped(string locale = "zh_cn") => With(() => Locale = locale);

    public string Build() => BuildNode().ToJsonString(WriteOptions);

    public JsonObject BuildNode() => LarkEventJson.Envelope(this, content(this).ToJsonString(WriteOptions), messageType, rootId, parentId, threadId, Mentions());

    private JsonArray Mentions() => [.. mentions.Select(m => (JsonNode)LarkEventJson.Mention(m.Key, m.OpenId, m.Name))];

    private JsonObject PostBody(string? title, JsonObject[][] paragraphs)
    {
        var rows = paragraphs.Select(p => p.Select(e => e.DeepClone()).ToList()).ToList();
        if (mentions.Count > 0)
        {
            if (rows.Count == 0)
            {
                rows.Add([]);
            }

            rows[0].InsertRange(0, mentions.Select(m => (JsonNode)LarkPost.At(m.Key, m.Name)));
        }

        var body = new JsonObject { ["title"] = title ?? string.Empty, ["content"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonArray([.. r]))]) };
        return Locale is null ? body : new JsonObject { [Locale] = body };
    }

    private LarkEvent With(Action change)
    {
        change();
        return this;
    }
}
