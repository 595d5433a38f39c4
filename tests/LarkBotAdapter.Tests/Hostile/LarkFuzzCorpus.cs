using System.Text.Json.Nodes;
using ChatOps.TestKit.Lark;
using static ChatOps.LarkBotAdapter.Tests.Hostile.HostileRequests;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>Hostile requests for <c>POST /lark/events</c>: hand-written cases (this file: bodies and content;
/// <c>.Crypto</c>: encryption and signatures) and generated mutations of a valid event (<c>.Generated</c>).</summary>
public static partial class LarkFuzzCorpus
{
    public static readonly IReadOnlyDictionary<string, HostileCase> Cases = Build();

    public static TheoryData<string> Names => CorpusBuilder.Names(Cases);

    /// <summary>A group message that @mentions the bot: the app answers it.</summary>
    public static LarkEvent Valid(string text = "what should we have for lunch?") => LarkEvent.Text(text).MentioningBot();

    private static IReadOnlyDictionary<string, HostileCase> Build()
    {
        var corpus = new CorpusBuilder();
        AddBodies(corpus);
        AddContent(corpus);
        AddCrypto(corpus);
        AddSignatures(corpus);
        AddGenerated(corpus);
        return corpus.Build();
    }

    private static void AddBodies(CorpusBuilder c)
    {
        c.Add("empty body, unsigned", Expect.Refused, () => Raw(LarkRequest.Path, [], Json));
        c.Add("empty body, signed", Expect.Refused, () => LarkSigned([]));
        c.Add("truncated JSON, signed", Expect.Refused, () => LarkSigned(Valid().Build()[..120]));
        c.Add("truncated encrypt envelope, signed", Expect.Refused, () => LarkSigned("{\"encrypt\":\"AAAA"));
        c.Add("invalid JSON, signed", Expect.Refused, () => LarkSigned("{schema: 2.0, 'header': }"));
        c.Add("JSON array root, signed", Expect.Refused, () => LarkSigned("[1,2,3]"));
        c.Add("JSON null root, signed", Expect.Refused, () => LarkSigned("null"));
        c.Add("JSON string root, signed", Expect.Refused, () => LarkSigned("\"im.message.receive_v1\""));
        c.Add("10,000 nested arrays, unsigned", Expect.Refused, () => Raw(LarkRequest.Path, Utf8(Nested(10_000)), Json));
        c.Add("10,000 nested arrays, signed", Expect.Refused, () => LarkSigned(Nested(10_000)));
        c.Add("10,000 nested arrays inside the event, signed", Expect.Refused, () => LarkSigned(Valid().Build().Replace("\"event\":{", "\"event\":{\"extra\":" + Nested(10_000) + ",", StringComparison.Ordinal)));
        c.Add("10,000 nested arrays, encrypted", Expect.Refused, () => LarkEncrypted(Nested(10_000)));
        c.Add("10,000 nested arrays inside the content string", Expect.Refused, () => Tree(e => e["event"]!["message"]!["content"] = Nested(10_000)));
        c.Add("form body, signed", Expect.Refused, () => LarkSigned(Utf8("schema=2.0&encrypt=abc"), contentType: Form));
        c.Add("duplicate encrypt keys, signed", Expect.Refused, () => LarkSigned("{\"encrypt\":\"AAAA\",\"encrypt\":\"BBBB\"}"));
        c.Add("body of 1.1 MB, signed", Expect.Refused, () => LarkSigned(Utf8(Valid(new string('x', 1_100_000)).Build())), 413);
        c.Add("text/plain content type, valid event", Expect.Answered, () => LarkSigned(Utf8(Valid().Build()), contentType: "text/plain"));
        c.Add("form content type, valid event", Expect.Answered, () => LarkSigned(Utf8(Valid().Build()), contentType: Form));
        c.Add("no content type, valid event", Expect.Answered, () => Unlabelled(Utf8(Valid().Build())));
        c.Add("UTF-8 BOM before the body, signed", Expect.Refused, () => LarkSigned([0xEF, 0xBB, 0xBF, .. Utf8(Valid().Build())]), 400);
    }

    private static void AddContent(CorpusBuilder c)
    {
        c.Add("header.event_id is a number", Expect.Refused, () => Tree(e => e["header"]!["event_id"] = 42));
        c.Add("header is an array", Expect.Refused, () => Tree(e => e["header"] = new JsonArray()));
        c.Add("event is a string", Expect.Refused, () => Tree(e => e["event"] = "im.message.receive_v1"));
        c.Add("schema is a number", Expect.Refused, () => Tree(e => e["schema"] = 2.0));
        c.Add("message.content is an object", Expect.Refused, () => Tree(e => e["event"]!["message"]!["content"] = new JsonObject { ["text"] = "hi" }));
        c.Add("message.content is not JSON", Expect.Refused, () => Tree(e => e["event"]!["message"]!["content"] = "{\"text\":"));
        c.Add("message.content is a JSON array", Expect.Refused, () => Tree(e => e["event"]!["message"]!["content"] = "[\"hi\"]"));
        c.Add("mentions is an object", Expect.Refused, () => Tree(e => e["event"]!["message"]!["mentions"] = new JsonObject()));
        c.Add("mention id open_id is a number", Expect.Refused, () => Tree(e => e["event"]!["message"]!["mentions"]![0]!["id"]!["open_id"] = 7));
        c.Add("sender is null", Expect.Refused, () => Tree(e => e["event"]!["sender"] = null));
        c.Add("null everywhere", Expect.Refused, () => Tree(NullEverywhere));
        c.Add("unknown app_id", Expect.Refused, () => Tree(e => e["header"]!["app_id"] = "cli_not_configured"), 401);
        c.Add("wrong verification token", Expect.Refused, () => Tree(e => e["header"]!["token"] = "not-the-token"), 401);
        c.Add("lone surrogate escaped in the envelope", Expect.Refused, () => LarkSigned(Valid().Build().Replace("\"chat_type\":\"group\"", "\"chat_type\":\"gr\\ud800oup\"", StringComparison.Ordinal)));
        c.Add("lone surrogate escaped in the message text", Expect.Refused, () => LarkSigned(Valid("MARK").Build().Replace("MARK", "\\\\ud800", StringComparison.Ordinal)));
        c.Add("another event type", Expect.Ignored, () => LarkEncrypted(Valid().WithEventType("im.chat.member.bot.added_v1").Build()));
        c.Add("message from another bot", Expect.Ignored, () => LarkEncrypted(Valid().FromApp().Build()));
        c.Add("group message not for the bot", Expect.Ignored, () => LarkEncrypted(LarkEvent.Text("hello team").Build()));
        c.Add("url verification with the right token", Expect.Ignored, () => LarkEncrypted(LarkEvent.Challenge("test-challenge")));
        c.Add("url verification with a wrong token, unsigned", Expect.Refused, () => LarkRequest.Plain(LarkEvent.Challenge("test-challenge", "nope")), 401);
        c.Add("message_id of 50,000 characters", Expect.Refused, () => Tree(e => e["event"]!["message"]!["message_id"] = new string('A', 50_000)), 400);
        c.Add("create_time is garbage", Expect.Answered, () => Tree(e => e["header"]!["create_time"] = "yesterday-ish"));
        c.Add("image message for the bot (polite notice)", Expect.Answered, () => LarkEncrypted(LarkEvent.Image().MentioningBot().Build()));
        c.Add("900 KB text, signed plain event", Expect.Answered, () => LarkSigned(Valid(new string('q', 900_000)).Build()));
        c.Add("700 KB text, encrypted event", Expect.Answered, () => LarkEncrypted(Valid(new string('q', 700_000)).Build()));
        c.Add("text longer than MaxTextChars", Expect.Answered, () => LarkEncrypted(Valid(string.Concat(Enumerable.Repeat("why? ", 5_000))).Build()));
        c.Add("emoji cut at MaxTextChars", Expect.Answered, () => LarkEncrypted(Valid(string.Concat(Enumerable.Repeat("👩‍💻", 9_000))).Build()));
        foreach (var (name, text) in UnicodeEdges)
        {
            c.Add($"unicode: {name}", Expect.Answered, () => LarkEncrypted(Valid(text).Build()));
        }
        c.Add("invalid UTF-8 bytes in a signed plain event", Expect.Answered, () => LarkSigned(Splice(Valid("MARK").Build(), [0xFF, 0xFE, 0xC0, 0x80])));
        c.Add("overlong UTF-8 slash in a signed plain event", Expect.Answered, () => LarkSigned(Splice(Valid("MARK").Build(), [0xC0, 0xAF, 0xE0, 0x80, 0xAF])));
    }

    /// <summary>Text a real user could send: every one is a message to answer.</summary>
    public static (string Name, string Text)[] UnicodeEdges =>
    [
        ("NUL characters", "is\0 this\0 ok?"),
        ("right-to-left override", "\u202Eknab eht ot yaw eht si tahw"),
        ("zero-width joiners", "a\u200Db\u200Dc family 👨‍👩‍👧‍👦"),
        ("emoji only", "🔥🔥🚒"),
        ("combining marks", "z\u0336\u0337\u0338\u0335a\u0301\u0300\u0302\u0303\u0304\u0305lgo"),
        ("byte order mark inside", "\uFEFFhello\uFEFF"),
        ("noncharacters", "\uFFFE\uFFFF\uFDD0"),
    ];

    private static HttpRequestMessage Tree(Action<JsonObject> change)
    {
        var root = Valid().BuildNode();
        change(root);
        return LarkSigned(root.ToJsonString());
    }

    private static HttpRequestMessage Unlabelled(byte[] body) => Raw(LarkRequest.Path, body, null, LarkHeaders(body));

    private static byte[] Splice(string json, byte[] bytes)
    {
        var at = json.IndexOf("MARK", StringComparison.Ordinal);
        return [.. Utf8(json[..at]), .. bytes, .. Utf8(json[(at + 4)..])];
    }

    private static void NullEverywhere(JsonObject node)
    {
        foreach (var key in node.Select(p => p.Key).ToList())
        {
            if (node[key] is JsonObject child)
            {
                NullEverywhere(child);
            }
            else
            {
                node[key] = null;
            }
        }
    }
}
