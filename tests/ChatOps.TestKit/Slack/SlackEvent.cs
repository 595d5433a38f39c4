using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.TestKit.Slack;

/// <summary>
/// Builds Events API bodies, e.g. <c>SlackEvent.AppMention("is prod healthy?").InThread(ts).Build()</c>.
/// <c>AppMention</c> text starts with the bot's mention, as Slack delivers it; message ts values are unique per builder.
/// </summary>
public sealed class SlackEvent
{
    public const string DefaultChannel = "C0TESTOPS";
    public const string DefaultUser = "U0TESTUSER";
    public const string DefaultAppId = "A0TESTAPP";

    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static long sequence = 1_700_000_000_000_000;

    private readonly string _type;
    private readonly string _text;
    private string? _threadTs;
    private string? _subtype;
    private string? _botId;
    private string? _user = DefaultUser;
    private string _channelType = "channel";
    private bool _withAuthorizations = true;

    private SlackEvent(string type, string text)
    {
        var n = Interlocked.Increment(ref sequence);
        _type = type;
        _text = text;
        Ts = $"{n / 1_000_000}.{n % 1_000_000:D6}";
        EventId = $"Ev{n:X}";
    }

    public string Ts { get; private set; }
    public string EventId { get; }
    public string Channel { get; private set; } = DefaultChannel;
    public string TeamId { get; private set; } = FakeSlackWebApi.DefaultTeamId;
    public string BotUserId { get; private set; } = FakeSlackWebApi.DefaultBotUserId;

    /// <summary>An <c>app_mention</c>: <c>&lt;@bot&gt; text</c>.</summary>
    public static SlackEvent AppMention(string text, string botUserId = FakeSlackWebApi.DefaultBotUserId) =>
        new SlackEvent("app_mention", $"<@{botUserId}> {text}") { BotUserId = botUserId };

    /// <summary>A plain <c>message</c> event (channel message, thread reply, or DM with <see cref="Direct"/>).</summary>
    public static SlackEvent Message(string text) => new("message", text);

    /// <summary>The body Slack sends when the request URL is saved.</summary>
    public static string UrlVerification(string challenge) =>
        new JsonObject { ["token"] = "test-deprecated-token", ["challenge"] = challenge, ["type"] = "url_verification" }.ToJsonString();

    public SlackEvent InThread(string threadTs)
    {
        _threadTs = threadTs;
        return this;
    }

    public SlackEvent InChannel(string channel)
    {
        Channel = channel;
        return this;
    }

    public SlackEvent From(string user)
    {
        _user = user;
        return this;
    }

    /// <summary>A direct message to the bot (<c>channel_type: im</c>, a D… channel).</summary>
    public SlackEvent Direct()
    {
        _channelType = "im";
        Channel = "D0TESTDM";
        return this;
    }

    /// <summary>Posted by a bot (this one or another): <c>bot_id</c> set, <c>subtype: bot_message</c> when asked.</summary>
    public SlackEvent FromBot(string botId = "B0TESTBOT", bool withSubtype = false, string? user = FakeSlackWebApi.DefaultBotUserId)
    {
        _botId = botId;
        _subtype = withSubtype ? "bot_message" : null;
        _user = user;
        return this;
    }

    public SlackEvent WithSubtype(string subtype)
    {
        _subtype = subtype;
        return this;
    }

    /// <summary>Leaves out <c>authorizations</c>, so the app must know its bot id from <c>auth.test</c>.</summary>
    public SlackEvent WithoutAuthorizations()
    {
        _withAuthorizations = false;
        return this;
    }

    public string Build()
    {
        var e = new JsonObject
        {
            ["type"] = _type,
            ["text"] = _text,
            ["ts"] = Ts,
            ["channel"] = Channel,
            ["event_ts"] = Ts,
            ["channel_type"] = _channelType,
            ["team"] = TeamId,
        };
        Optional(e, "user", _user);
        Optional(e, "thread_ts", _threadTs);
        Optional(e, "subtype", _subtype);
        Optional(e, "bot_id", _botId);
        var body = new JsonObject
        {
            ["token"] = "test-deprecated-token",
            ["team_id"] = TeamId,
            ["api_app_id"] = DefaultAppId,
            ["event"] = e,
            ["type"] = "event_callback",
            ["event_id"] = EventId,
            ["event_time"] = 1_700_000_000,
        };
        if (_withAuthorizations)
        {
            body["authorizations"] = new JsonArray(new JsonObject { ["enterprise_id"] = null, ["team_id"] = TeamId, ["user_id"] = BotUserId, ["is_bot"] = true });
        }
        return body.ToJsonString(WriteOptions);
    }

    private static void Optional(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
