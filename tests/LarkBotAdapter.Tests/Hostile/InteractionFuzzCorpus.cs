using System.Text.Json.Nodes;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;
using ChatOps.LarkBotAdapter.Feedback;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.Slack;
using static ChatOps.LarkBotAdapter.Tests.Hostile.HostileRequests;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>Hostile requests for the interactivity endpoints, <c>POST /lark/cards</c> and <c>POST /slack/interactions</c>:
/// none may take a claim, hand off a job, post anything, record a vote or decide a proposal.</summary>
public static class InteractionFuzzCorpus
{
    public static readonly IReadOnlyDictionary<string, HostileCase> Cases = Build();

    public static TheoryData<string> Names => CorpusBuilder.Names(Cases);

    public static IReadOnlyDictionary<string, string> Feedback(string vote = "up", string answer = "lark:cli_test_app:om_hostile") =>
        new Dictionary<string, string>(new AnswerFeedback(answer, "knowledge_base", "none", "bedrock", 900).Values(Vote.Up)) { ["vote"] = vote };

    public static string LarkClick(IReadOnlyDictionary<string, string>? value = null, string? token = null) =>
        LarkCardClick.Button(value ?? Feedback()).WithToken(token ?? LarkEvent.DefaultToken).Build();

    public static HttpRequestMessage LarkCards(string plaintext, string key = ChatOpsApp.EncryptKey) =>
        LarkRequest.ToCards(LarkEncrypted(plaintext, key));

    public static HttpRequestMessage LarkCardsSigned(byte[] body) => Raw(LarkRequest.CardsPath, body, Json, LarkHeaders(body));

    public static string SlackClick(string? value = null, string type = "block_actions", string actionType = "feedback_buttons") => new JsonObject
    {
        ["type"] = type,
        ["user"] = new JsonObject { ["id"] = "U0HOSTILE", ["team_id"] = "T0TEST" },
        ["team"] = new JsonObject { ["id"] = "T0TEST" },
        ["actions"] = new JsonArray { new JsonObject { ["type"] = actionType, ["action_id"] = "feedback", ["value"] = value ?? SlackValue(Feedback()) } },
    }.ToJsonString();

    public static string SlackValue(IReadOnlyDictionary<string, string> values)
    {
        var json = new JsonObject();
        foreach (var (key, text) in values)
        {
            json[key] = text;
        }
        return json.ToJsonString();
    }

    /// <summary>A well-formed approval button value (a proposal id and a 64-hex-digit hash).</summary>
    public static string ApprovalValue(string proposal = "P-HOSTILE1", string? hash = null) =>
        SlackValue(new Dictionary<string, string> { ["proposal"] = proposal, ["hash"] = hash ?? new string('0', 64) });

    /// <summary>A click on an approval card's button, as the hostile user, with no response_url unless given.</summary>
    public static string SlackApprovalClick(string? value, bool approve = true, string elementType = "button", Uri? responseUrl = null, string user = "U0HOSTILE", string team = "T0TEST")
    {
        var click = SlackBlockAction.Button(approve ? SlackApprovalBlocks.ApproveActionId : SlackApprovalBlocks.RejectActionId, value).OfType(elementType).By(user, team);
        return (responseUrl is null ? click : click.AnsweringTo(responseUrl)).Build();
    }

    public static HttpRequestMessage SlackForm(string form) =>
        Raw(SlackRequest.InteractionsPath, Utf8(form), Form, SlackHeaders(Utf8(form)));

    public static HttpRequestMessage SlackPayload(string payload) => SlackForm("payload=" + Uri.EscapeDataString(payload));

    private static IReadOnlyDictionary<string, HostileCase> Build()
    {
        var c = new CorpusBuilder();
        // Lark: the card callback URL verifies exactly like the events URL.
        c.Add("lark click, unsigned plain JSON", Expect.Refused, () => Raw(LarkRequest.CardsPath, Utf8(LarkClick()), Json), 401);
        c.Add("lark click, signed with another key", Expect.Refused, () => LarkRequest.ToCards(LarkRequest.EncryptedWithBadSignature(LarkClick(), ChatOpsApp.EncryptKey, DateTimeOffset.UtcNow)), 401);
        c.Add("lark click, tampered ciphertext", Expect.Refused, () => LarkRequest.ToCards(LarkRequest.EncryptedWithTamperedBody(LarkClick(), ChatOpsApp.EncryptKey, DateTimeOffset.UtcNow)), 401);
        c.Add("lark click, two hours old", Expect.Refused, () => LarkRequest.ToCards(LarkRequest.Encrypted(LarkClick(), ChatOpsApp.EncryptKey, DateTimeOffset.UtcNow.AddHours(-2))), 401);
        c.Add("lark click, wrong verification token", Expect.Refused, () => LarkCards(LarkClick(token: "test-wrong-token")), 401);
        c.Add("lark click, other app's token under this key", Expect.Refused, () => LarkCards(LarkClick(token: HostileApp.OtherToken)), 401);
        c.Add("lark click, unknown app_id", Expect.Refused, () => LarkCards(LarkCardClick.Button(Feedback()).ForApp("cli_unknown").Build()), 401);
        c.Add("lark url verification, wrong token", Expect.Refused, () => LarkCards("""{"challenge":"c","token":"test-wrong-token","type":"url_verification"}"""), 401);
        c.Add("lark empty body, signed", Expect.Refused, () => LarkCardsSigned([]), 400);
        c.Add("lark not JSON, signed", Expect.Refused, () => LarkCardsSigned(Utf8("payload=1")), 400);
        c.Add("lark JSON array, encrypted", Expect.Refused, () => LarkCards("[]"), 400);
        c.Add("lark schema 1.0 click, encrypted", Expect.Refused, () => LarkCards(LarkClick().Replace("\"schema\":\"2.0\"", "\"schema\":\"1.0\"", StringComparison.Ordinal)), 400);
        c.Add("lark click without operator", Expect.Refused, () => LarkCards(LarkClick().Replace("\"operator\":", "\"operator_\":", StringComparison.Ordinal)), 400);
        c.Add("lark click without action", Expect.Refused, () => LarkCards(LarkClick().Replace("\"action\":", "\"action_\":", StringComparison.Ordinal)), 400);
        c.Add("lark click, 10,000 nested arrays in the value", Expect.Refused, () => LarkCards(LarkClick().Replace("\"value\":{", "\"value\":{\"deep\":" + Nested(10_000) + ",", StringComparison.Ordinal)), 400);
        c.Add("lark body of 1.1 MB, signed", Expect.Refused, () => LarkCardsSigned(Utf8(LarkClick(Feedback(answer: new string('a', 1_100_000))))), 413);
        c.Add("lark chat message sent to the card URL", Expect.Ignored, () => LarkCards(LarkEvent.Text("hi @bot").MentioningBot().Build()));
        c.Add("lark other event sent to the card URL", Expect.Ignored, () => LarkCards(LarkClick().Replace("card.action.trigger", "im.chat.member.bot.added_v1", StringComparison.Ordinal)));
        c.Add("lark click on a button the bot does not know", Expect.Ignored, () => LarkCards(LarkClick(new Dictionary<string, string> { ["action"] = "approve", ["id"] = "P-1" })));
        c.Add("lark feedback with vote maybe", Expect.Ignored, () => LarkCards(LarkClick(Feedback(vote: "maybe"))));
        c.Add("lark feedback with an empty answer key", Expect.Ignored, () => LarkCards(LarkClick(Feedback(answer: ""))));
        c.Add("lark feedback with an answer key of 600 characters", Expect.Ignored, () => LarkCards(LarkClick(Feedback(answer: new string('k', 600)))));
        c.Add("lark feedback with latency not a number", Expect.Ignored, () => LarkCards(LarkClick(new Dictionary<string, string>(Feedback()) { ["ms"] = "-1" })));
        c.Add("lark click whose value is a string", Expect.Ignored, () => LarkCards(LarkClick().Replace("\"value\":{", "\"value\":\"feedback\",\"x\":{", StringComparison.Ordinal)));
        // Slack: the Interactivity Request URL.
        c.Add("slack click, unsigned", Expect.Refused, () => Raw(SlackRequest.InteractionsPath, Utf8("payload=" + Uri.EscapeDataString(SlackClick())), Form), 401);
        c.Add("slack click, signed with another secret", Expect.Refused, () => SlackRequest.SignedInteraction(SlackClick(), DateTimeOffset.UtcNow, secret: "test-wrong-secret"), 401);
        c.Add("slack click, ten minutes old", Expect.Refused, () => SlackRequest.SignedInteraction(SlackClick(), DateTimeOffset.UtcNow.AddMinutes(-10)), 401);
        c.Add("slack empty body, signed", Expect.Refused, () => SlackForm(""), 400);
        c.Add("slack JSON body instead of a form", Expect.Refused, () => Raw(SlackRequest.InteractionsPath, Utf8(SlackClick()), Json, SlackHeaders(Utf8(SlackClick()))), 400);
        c.Add("slack payload repeated", Expect.Refused, () => SlackForm("payload=" + Uri.EscapeDataString(SlackClick()) + "&payload=" + Uri.EscapeDataString(SlackClick())), 400);
        c.Add("slack payload not JSON", Expect.Refused, () => SlackForm("payload=%7Bnot-json"), 400);
        c.Add("slack payload is an array", Expect.Refused, () => SlackPayload("[]"), 400);
        c.Add("slack payload without type", Expect.Refused, () => SlackPayload(SlackClick().Replace("\"type\":\"block_actions\"", "\"kind\":\"block_actions\"", StringComparison.Ordinal)), 400);
        c.Add("slack payload without user", Expect.Refused, () => SlackPayload(SlackClick().Replace("\"user\":", "\"user_\":", StringComparison.Ordinal)), 400);
        c.Add("slack payload of 10,000 nested arrays", Expect.Refused, () => SlackPayload("{\"type\":" + Nested(10_000) + "}"), 400);
        c.Add("slack body of 1.1 MB, signed", Expect.Refused, () => SlackPayload(SlackClick(SlackValue(Feedback(answer: new string('a', 1_100_000))))), 413);
        c.Add("slack view_submission", Expect.Ignored, () => SlackPayload(SlackClick(type: "view_submission")));
        c.Add("slack event_callback wrapped in a payload", Expect.Ignored, () => SlackPayload(SlackClick(type: "event_callback")));
        c.Add("slack static_select action", Expect.Ignored, () => SlackPayload(SlackClick(actionType: "static_select")));
        c.Add("slack feedback value not JSON", Expect.Ignored, () => SlackPayload(SlackClick(value: "good")));
        c.Add("slack feedback value of 3,000 characters", Expect.Ignored, () => SlackPayload(SlackClick(value: SlackValue(Feedback(answer: new string('k', 3_000))))));
        c.Add("slack feedback with vote maybe", Expect.Ignored, () => SlackPayload(SlackClick(value: SlackValue(Feedback(vote: "maybe")))));
        c.Add("slack block_actions without actions", Expect.Ignored, () => SlackPayload(SlackClick().Replace("\"actions\":", "\"actions_\":", StringComparison.Ordinal)));
        // Slack approval buttons: values that are not ours, and clicks on proposals nobody made, decide nothing.
        c.Add("slack approval click, value not JSON", Expect.Ignored, () => SlackPayload(SlackApprovalClick("approve P-1")));
        c.Add("slack approval click, no value", Expect.Ignored, () => SlackPayload(SlackApprovalClick(null)));
        c.Add("slack approval click, value a JSON array", Expect.Ignored, () => SlackPayload(SlackApprovalClick("[\"P-1\"]")));
        c.Add("slack approval click, value without hash", Expect.Ignored, () => SlackPayload(SlackApprovalClick("{\"proposal\":\"P-HOSTILE1\"}")));
        c.Add("slack approval click, hash not hex", Expect.Ignored, () => SlackPayload(SlackApprovalClick(ApprovalValue(hash: new string('z', 64)))));
        c.Add("slack approval click, hash in capitals", Expect.Ignored, () => SlackPayload(SlackApprovalClick(ApprovalValue(hash: new string('A', 64)))));
        c.Add("slack approval click, hash too short", Expect.Ignored, () => SlackPayload(SlackApprovalClick(ApprovalValue(hash: "00"))));
        c.Add("slack approval click, hash a number", Expect.Ignored, () => SlackPayload(SlackApprovalClick("{\"proposal\":\"P-HOSTILE1\",\"hash\":0}")));
        c.Add("slack approval click, proposal id with markup", Expect.Ignored, () => SlackPayload(SlackApprovalClick(ApprovalValue(proposal: "P-<!channel>"))));
        c.Add("slack approval click, proposal id of 200 characters", Expect.Ignored, () => SlackPayload(SlackApprovalClick(ApprovalValue(proposal: "P-" + new string('9', 198)))));
        c.Add("slack approval click, proposal id without P-", Expect.Ignored, () => SlackPayload(SlackApprovalClick(ApprovalValue(proposal: "HOSTILE1"))));
        c.Add("slack approval click, value of 3,000 characters", Expect.Ignored, () => SlackPayload(SlackApprovalClick(ApprovalValue() + new string(' ', 3_000))));
        c.Add("slack approval click, 200 nested objects in the value", Expect.Ignored, () => SlackPayload(SlackApprovalClick("{\"proposal\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 201))));
        c.Add("slack approval action that is a select menu", Expect.Ignored, () => SlackPayload(SlackApprovalClick(ApprovalValue(), elementType: "static_select")));
        c.Add("slack approval click on a proposal nobody made", Expect.Ignored, () => SlackPayload(SlackApprovalClick(ApprovalValue())));
        c.Add("slack reject click on a proposal nobody made", Expect.Ignored, () => SlackPayload(SlackApprovalClick(ApprovalValue(), approve: false)));
        c.Add("slack approval click answering to another host", Expect.Ignored, () => SlackPayload(SlackApprovalClick(ApprovalValue(), responseUrl: new Uri("https://attacker.example/hook"))));
        c.Add("slack approval click answering to the allowed host with credentials", Expect.Ignored, () => SlackPayload(SlackApprovalClick(ApprovalValue(), responseUrl: new Uri("https://user:pw@hooks.slack.invalid/x"))));
        // Truncations of valid bodies: refused or acknowledged, never more.
        foreach (var cut in new[] { 1, 10, 40, 80, 120, 200 })
        {
            c.Add($"slack payload cut at {cut}", Expect.Survives, () => SlackPayload(SlackClick()[..Math.Min(cut, SlackClick().Length - 1)]));
            c.Add($"lark click cut at {cut}", Expect.Survives, () => LarkCards(LarkClick()[..Math.Min(cut, LarkClick().Length - 1)]));
        }
        return c.Build();
    }
}
