using System.Text.Json.Nodes;
using ChatOps.TestKit.Slack;
using static ChatOps.LarkBotAdapter.Tests.Hostile.HostileRequests;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>Hostile requests for <c>POST /slack/events</c> (this file: bodies and content; <c>.Signatures</c>;
/// <c>.Generated</c>). Slash commands are in <see cref="SlackCommandFuzzCorpus"/>.</summary>
public static partial class SlackFuzzCorpus
{
    public static readonly IReadOnlyDictionary<string, HostileCase> Cases = Build();

    public static TheoryData<string> Names => CorpusBuilder.Names(Cases);

    /// <summary>An @mention of the bot: the app answers it.</summary>
    public static string Valid(string text = "what should we have for lunch?") => SlackEvent.AppMention(text).Build();

    private static IReadOnlyDictionary<string, HostileCase> Build()
    {
        var corpus = new CorpusBuilder();
        AddBodies(corpus);
        AddContent(corpus);
        AddSignatures(corpus);
        AddGenerated(corpus);
        return corpus.Build();
    }

    private static void AddBodies(CorpusBuilder c)
    {
        c.Add("empty body, signed", Expect.Refused, () => SlackEventSigned([]), 400);
        c.Add("empty body, unsigned", Expect.Refused, () => Raw(SlackRequest.EventsPath, [], Json), 401);
        c.Add("truncated JSON, signed", Expect.Refused, () => SlackEventSigned(Valid()[..90]), 400);
        c.Add("invalid JSON, signed", Expect.Refused, () => SlackEventSigned("{type: event_callback,}"), 400);
        c.Add("JSON array root, signed", Expect.Refused, () => SlackEventSigned("[{\"type\":\"event_callback\"}]"), 400);
        c.Add("JSON null root, signed", Expect.Refused, () => SlackEventSigned("null"), 400);
        c.Add("JSON number root, signed", Expect.Refused, () => SlackEventSigned("1e999"), 400);
        c.Add("10,000 nested arrays, signed", Expect.Refused, () => SlackEventSigned(Nested(10_000)), 400);
        c.Add("10,000 nested arrays, unsigned", Expect.Refused, () => Raw(SlackRequest.EventsPath, Utf8(Nested(10_000)), Json), 401);
        c.Add("10,000 nested arrays inside the event, signed", Expect.Refused, () => SlackEventSigned(Valid().Replace("\"event\":{", "\"event\":{\"blocks\":" + Nested(10_000) + ",", StringComparison.Ordinal)), 400);
        c.Add("form body, signed", Expect.Refused, () => SlackEventSigned(Utf8("type=event_callback&team_id=T0TEST"), Form), 400);
        c.Add("body of 1.1 MB, signed", Expect.Refused, () => SlackEventSigned(Valid(new string('x', 1_100_000))), 413);
        c.Add("text/plain content type, valid event", Expect.Answered, () => SlackEventSigned(Utf8(Valid()), "text/plain"));
        c.Add("form content type, valid event", Expect.Answered, () => SlackEventSigned(Utf8(Valid()), Form));
        c.Add("UTF-8 BOM before the body, signed", Expect.Refused, () => SlackEventSigned([0xEF, 0xBB, 0xBF, .. Utf8(Valid())]), 400);
        c.Add("duplicate type keys, signed", Expect.Answered, () => SlackEventSigned(Valid().Replace("\"type\":\"event_callback\"", "\"type\":\"url_verification\",\"type\":\"event_callback\"", StringComparison.Ordinal)));
    }

    private static void AddContent(CorpusBuilder c)
    {
        c.Add("type is a number", Expect.Refused, () => Tree(e => e["type"] = 1), 400);
        c.Add("event is an array", Expect.Refused, () => Tree(e => e["event"] = new JsonArray()), 400);
        c.Add("event.text is a number", Expect.Refused, () => Tree(e => e["event"]!["text"] = 42), 400);
        c.Add("event.ts is an object", Expect.Refused, () => Tree(e => e["event"]!["ts"] = new JsonObject()), 400);
        c.Add("authorizations is an object", Expect.Refused, () => Tree(e => e["authorizations"] = new JsonObject()), 400);
        c.Add("authorizations[0].is_bot is a string", Expect.Refused, () => Tree(e => e["authorizations"]![0]!["is_bot"] = "yes"), 400);
        c.Add("null everywhere", Expect.Refused, () => Tree(e => e.Select(p => p.Key).ToList().ForEach(k => e[k] = null)), 400);
        c.Add("team_id missing", Expect.Refused, () => Tree(e => e.Remove("team_id")), 400);
        c.Add("event.channel missing", Expect.Refused, () => Tree(e => e["event"]!.AsObject().Remove("channel")), 400);
        c.Add("channel of 50,000 characters", Expect.Refused, () => Tree(e => e["event"]!["channel"] = new string('C', 50_000)), 400);
        c.Add("url_verification without a challenge", Expect.Refused, () => SlackEventSigned("{\"type\":\"url_verification\"}"), 400);
        c.Add("url_verification, signed", Expect.Ignored, () => SlackEventSigned(SlackEvent.UrlVerification("test-challenge")));
        c.Add("url_verification, unsigned", Expect.Refused, () => Raw(SlackRequest.EventsPath, Utf8(SlackEvent.UrlVerification("c")), Json), 401);
        c.Add("another envelope type", Expect.Ignored, () => SlackEventSigned("{\"type\":\"app_rate_limited\",\"team_id\":\"T0TEST\"}"));
        c.Add("another event type", Expect.Ignored, () => Tree(e => e["event"]!["type"] = "reaction_added"));
        c.Add("message from a bot", Expect.Ignored, () => SlackEventSigned(SlackEvent.Message("hi").FromBot().Build()));
        c.Add("message edit subtype", Expect.Ignored, () => SlackEventSigned(SlackEvent.Message("hi").WithSubtype("message_changed").Build()));
        c.Add("message without a user", Expect.Ignored, () => Tree(e => e["event"]!.AsObject().Remove("user")));
        c.Add("channel message not for the bot", Expect.Ignored, () => SlackEventSigned(SlackEvent.Message("hello team").Build()));
        c.Add("lone surrogate escaped in the text", Expect.Refused, () => SlackEventSigned(Valid("MARK").Replace("MARK", "\\ud800", StringComparison.Ordinal)), 400);
        c.Add("lone surrogate escaped in the channel", Expect.Refused, () => SlackEventSigned(Valid().Replace("\"channel\":\"", "\"channel\":\"\\udfff", StringComparison.Ordinal)), 400);
        c.Add("invalid UTF-8 bytes in the text", Expect.Refused, () => SlackEventSigned(Splice(Valid("MARK"), [0xFF, 0xFE, 0x80])), 400);
        c.Add("overlong UTF-8 in the text", Expect.Refused, () => SlackEventSigned(Splice(Valid("MARK"), [0xC0, 0xAF, 0xE0, 0x80, 0xAF])), 400);
        c.Add("900 KB text", Expect.Answered, () => SlackEventSigned(Valid(new string('q', 900_000))));
        c.Add("text longer than MaxTextChars", Expect.Answered, () => SlackEventSigned(Valid(string.Concat(Enumerable.Repeat("why? ", 5_000)))));
        c.Add("thousands of entity brackets", Expect.Answered, () => SlackEventSigned(Valid(string.Concat(Enumerable.Repeat("<@U1|<#C1|<http://x|", 5_000)))));
        foreach (var (name, text) in LarkFuzzCorpus.UnicodeEdges)
        {
            c.Add($"unicode: {name}", Expect.Answered, () => SlackEventSigned(Valid(text)));
        }
    }

    private static HttpRequestMessage Tree(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Valid())!.AsObject();
        change(root);
        return SlackEventSigned(root.ToJsonString());
    }

    internal static byte[] Splice(string text, byte[] bytes)
    {
        var at = text.IndexOf("MARK", StringComparison.Ordinal);
        return [.. Utf8(text[..at]), .. bytes, .. Utf8(text[(at + 4)..])];
    }
}
