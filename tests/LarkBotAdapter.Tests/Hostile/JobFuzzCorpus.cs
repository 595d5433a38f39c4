using System.Text.Json.Nodes;
using ChatOps.TestKit.Lark;
using static ChatOps.LarkBotAdapter.Tests.Hostile.HostileRequests;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>Hostile jobs for <c>POST /events</c> (open here through <c>CHATOPS_EVENTS_ENDPOINT=true</c>). A well-formed
/// job is trusted and answered; anything else is refused with 400, never a 500 that Lambda would retry.</summary>
public static class JobFuzzCorpus
{
    public const int GeneratedPerKind = 25;
    private static int sequence;

    public static readonly IReadOnlyDictionary<string, HostileCase> Cases = Build();

    public static TheoryData<string> Names => CorpusBuilder.Names(Cases);

    /// <summary>A job as the ingress hands it off: a Lark group question to the bot.</summary>
    public static JsonObject Valid(string text = "what should we have for lunch?", string? messageId = null) => new()
    {
        ["kind"] = "chat.turn",
        ["turn"] = new JsonObject
        {
            ["platform"] = "lark", ["appId"] = LarkEvent.DefaultAppId, ["chatId"] = LarkEvent.DefaultChatId, ["chatType"] = "group",
            ["messageId"] = messageId ?? $"om_job_{Interlocked.Increment(ref sequence)}", ["rootId"] = null, ["threadId"] = null,
            ["senderId"] = LarkEvent.DefaultSenderId, ["messageType"] = "text", ["text"] = text, ["mentionedIds"] = new JsonArray("ou_test_bot"),
        },
        ["hop"] = 1,
        ["acceptedAt"] = "2024-01-02T03:04:05+00:00",
        ["needsAddressCheck"] = false,
    };

    private static IReadOnlyDictionary<string, HostileCase> Build()
    {
        var c = new CorpusBuilder();
        c.Add("valid job", Expect.Answered, () => Job(Valid().ToJsonString()));
        c.Add("valid job, text/plain", Expect.Answered, () => Job(Utf8(Valid().ToJsonString()), "text/plain"));
        c.Add("valid job with unknown extra fields", Expect.Answered, () => Tree(j => j["extra"] = new JsonObject { ["hop"] = 9 }));
        c.Add("empty body", Expect.Refused, () => Job([]), 400);
        c.Add("truncated JSON", Expect.Refused, () => Job(Valid().ToJsonString()[..60]), 400);
        c.Add("invalid JSON", Expect.Refused, () => Job("{kind: chat.turn}"), 400);
        c.Add("JSON array root", Expect.Refused, () => Job("[]"), 400);
        c.Add("JSON null root", Expect.Refused, () => Job("null"), 400);
        c.Add("form body", Expect.Refused, () => Job(Utf8("kind=chat.turn&hop=1"), Form), 400);
        c.Add("10,000 nested arrays", Expect.Refused, () => Job(Nested(10_000)), 400);
        c.Add("10,000 nested arrays inside the turn", Expect.Refused, () => Job(Valid().ToJsonString().Replace("\"turn\":{", "\"turn\":{\"x\":" + Nested(10_000) + ",", StringComparison.Ordinal)), 400);
        c.Add("body of 1.1 MB", Expect.Refused, () => Job(Valid(new string('x', 1_100_000)).ToJsonString()), 413);
        c.Add("kind missing", Expect.Refused, () => Tree(j => j.Remove("kind")), 400);
        c.Add("kind is another job type", Expect.Refused, () => Tree(j => j["kind"] = "shell.exec"), 400);
        c.Add("kind is a number", Expect.Refused, () => Tree(j => j["kind"] = 1), 400);
        c.Add("turn missing", Expect.Refused, () => Tree(j => j.Remove("turn")), 400);
        c.Add("turn is null", Expect.Refused, () => Tree(j => j["turn"] = null), 400);
        c.Add("turn is an array", Expect.Refused, () => Tree(j => j["turn"] = new JsonArray()), 400);
        c.Add("hop is a numeric string (web JSON reads it)", Expect.Answered, () => Tree(j => j["hop"] = "1"));
        c.Add("hop is a word", Expect.Refused, () => Tree(j => j["hop"] = "one"), 400);
        c.Add("hop overflows int", Expect.Refused, () => Tree(j => j["hop"] = 2147483648L), 400);
        c.Add("hop is 2 (would recurse)", Expect.Ignored, () => Tree(j => j["hop"] = 2));
        c.Add("acceptedAt is garbage", Expect.Refused, () => Tree(j => j["acceptedAt"] = "yesterday"), 400);
        c.Add("null everywhere", Expect.Refused, () => Tree(j => j.Select(p => p.Key).ToList().ForEach(k => j[k] = null)), 400);
        c.Add("null everywhere in the turn", Expect.Refused, () => Turn(t => t.Select(p => p.Key).ToList().ForEach(k => t[k] = null)), 400);
        foreach (var field in new[] { "platform", "appId", "chatId", "chatType", "messageId", "senderId", "messageType", "text", "mentionedIds" })
        {
            c.Add($"turn.{field} is null", Expect.Refused, () => Turn(t => t[field] = null), 400);
            c.Add($"turn.{field} is a number", Expect.Refused, () => Turn(t => t[field] = 7), 400);
        }
        c.Add("turn.messageId of 50,000 characters", Expect.Refused, () => Turn(t => t["messageId"] = new string('A', 50_000)), 400);
        c.Add("turn.platform is unknown", Expect.Refused, () => Turn(t => t["platform"] = "teams"), 400);
        c.Add("turn.mentionedIds holds null", Expect.Refused, () => Turn(t => t["mentionedIds"] = new JsonArray(null, "ou_test_bot")), 400);
        c.Add("turn.mentionedIds holds an object", Expect.Refused, () => Turn(t => t["mentionedIds"] = new JsonArray(new JsonObject())), 400);
        c.Add("needsAddressCheck and no mention", Expect.Ignored, () => Tree(j => (j["needsAddressCheck"], j["turn"]!["mentionedIds"]) = (true, new JsonArray("ou_someone_else"))));
        c.Add("lone surrogate escaped in the text", Expect.Refused, () => Job(Valid("MARK").ToJsonString().Replace("MARK", "\\ud800", StringComparison.Ordinal)), 400);
        c.Add("invalid UTF-8 bytes in the text", Expect.Refused, () => Job(SlackFuzzCorpus.Splice(Valid("MARK").ToJsonString(), [0xFF, 0xC0, 0x80])), 400);
        c.Add("900 KB text", Expect.Answered, () => Job(Valid(new string('q', 900_000)).ToJsonString()));
        foreach (var (name, text) in LarkFuzzCorpus.UnicodeEdges)
        {
            c.Add($"unicode: {name}", Expect.Answered, () => Job(Valid(text).ToJsonString()));
        }
        for (var i = 0; i < GeneratedPerKind; i++)
        {
            var n = i;
            c.Add($"generated #{n:D2}: bytes mutated", Expect.Survives, () => Job(FuzzMutator.MutateBytes(Utf8(Valid(messageId: $"om_jobfuzz_{n}").ToJsonString()), FuzzMutator.For(800 + n))));
            c.Add($"generated #{n:D2}: JSON value replaced", Expect.Survives, () => Job(FuzzMutator.MutateTree(Valid(messageId: $"om_jobfuzz_{100 + n}").ToJsonString(), FuzzMutator.For(900 + n))));
        }
        return c.Build();
    }

    private static HttpRequestMessage Tree(Action<JsonObject> change)
    {
        var job = Valid();
        change(job);
        return Job(job.ToJsonString());
    }

    private static HttpRequestMessage Turn(Action<JsonObject> change) => Tree(j => change(j["turn"]!.AsObject()));
}
