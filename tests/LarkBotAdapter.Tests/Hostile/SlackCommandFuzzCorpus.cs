using ChatOps.TestKit.Slack;
using static ChatOps.LarkBotAdapter.Tests.Hostile.HostileRequests;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>Hostile requests for <c>POST /slack/commands</c> (form-encoded slash commands).</summary>
public static class SlackCommandFuzzCorpus
{
    public const int GeneratedPerKind = 15;

    /// <summary>Never contacted: the fake Slack accepts the thread parent, so answers go to the channel.</summary>
    private static readonly Uri ResponseUrl = new("https://hooks.slack.invalid/commands/T0TEST/1/test");

    public static readonly IReadOnlyDictionary<string, HostileCase> Cases = Build();

    public static TheoryData<string> Names => CorpusBuilder.Names(Cases);

    public static string Valid(string text = "what should we have for lunch?") => SlackCommand.Ask(text, ResponseUrl).Build();

    private static IReadOnlyDictionary<string, HostileCase> Build()
    {
        var c = new CorpusBuilder();
        c.Add("valid command", Expect.Answered, () => SlackCommandSigned(Valid()));
        c.Add("empty body, signed", Expect.Refused, () => SlackCommandSigned([]), 400);
        c.Add("empty body, unsigned", Expect.Refused, () => Raw(SlackRequest.CommandsPath, [], Form), 401);
        c.Add("JSON body, signed", Expect.Refused, () => SlackCommandSigned(Utf8(SlackFuzzCorpus.Valid()), Json), 400);
        c.Add("only separators", Expect.Refused, () => SlackCommandSigned("&&&=&==&"), 400);
        c.Add("10,000 empty pairs", Expect.Refused, () => SlackCommandSigned(string.Concat(Enumerable.Repeat("a=&", 10_000))), 400);
        c.Add("50,000 distinct keys", Expect.Refused, () => SlackCommandSigned(string.Join('&', Enumerable.Range(0, 50_000).Select(i => $"k{i}=v"))), 400);
        c.Add("body of 1.1 MB, signed", Expect.Refused, () => SlackCommandSigned(Valid(new string('x', 1_100_000))), 413);
        c.Add("bad signature", Expect.Refused, () => Raw(SlackRequest.CommandsPath, Utf8(Valid()), Form, SlackHeaders(Utf8(Valid("another")))), 401);
        foreach (var field in new[] { "team_id", "channel_id", "user_id", "trigger_id", "response_url" })
        {
            c.Add($"{field} missing", Expect.Refused, () => SlackCommandSigned(Without(Valid(), field)), 400);
            c.Add($"{field} empty", Expect.Refused, () => SlackCommandSigned(Without(Valid(), field) + $"&{field}="), 400);
            c.Add($"{field} repeated", Expect.Refused, () => SlackCommandSigned(Valid() + $"&{field}={Value(Valid(), field)}"), 400);
        }
        c.Add("trigger_id of 50,000 characters", Expect.Refused, () => SlackCommandSigned(Without(Valid(), "trigger_id") + "&trigger_id=" + new string('t', 50_000)), 400);
        c.Add("text repeated", Expect.Refused, () => SlackCommandSigned(Valid("first question") + "&text=second+question"), 400);
        foreach (var url in new[] { "javascript:alert(1)", "file:///etc/passwd", "ftp://hooks.slack.invalid/x", "/relative/path", "https//missing-colon" })
        {
            c.Add($"response_url \"{url}\"", Expect.Refused, () => SlackCommandSigned(Without(Valid(), "response_url") + "&response_url=" + Uri.EscapeDataString(url)), 400);
        }
        c.Add("empty text (usage answer)", Expect.Ignored, () => SlackCommandSigned(Valid("")));
        c.Add("whitespace text (usage answer)", Expect.Ignored, () => SlackCommandSigned(Valid(" \t\n ")));
        c.Add("ssl_check", Expect.Ignored, () => SlackCommandSigned("ssl_check=1&token=test-deprecated-token"));
        c.Add("text longer than MaxTextChars", Expect.Answered, () => SlackCommandSigned(Valid(string.Concat(Enumerable.Repeat("why? ", 5_000)))));
        c.Add("text with encoded NUL", Expect.Answered, () => SlackCommandSigned(Valid("MARK").Replace("MARK", "is%00this%00ok", StringComparison.Ordinal)));
        c.Add("text with broken percent escapes", Expect.Answered, () => SlackCommandSigned(Valid("MARK").Replace("MARK", "100%25+%ZZ+%+%E4%B8", StringComparison.Ordinal)));
        c.Add("text with an encoded lone surrogate", Expect.Answered, () => SlackCommandSigned(Valid("MARK").Replace("MARK", "a%ED%A0%80b", StringComparison.Ordinal)));
        c.Add("text with overlong UTF-8", Expect.Answered, () => SlackCommandSigned(Valid("MARK").Replace("MARK", "a%C0%AFb", StringComparison.Ordinal)));
        c.Add("raw invalid UTF-8 bytes in the body", Expect.Answered, () => SlackCommandSigned(SlackFuzzCorpus.Splice(Valid("MARK"), [0xFF, 0xFE, 0xC0, 0x80])));
        foreach (var (name, text) in LarkFuzzCorpus.UnicodeEdges)
        {
            c.Add($"unicode: {name}", Expect.Answered, () => SlackCommandSigned(Valid(text)));
        }
        for (var i = 0; i < GeneratedPerKind; i++)
        {
            var n = i;
            c.Add($"generated #{n:D2}: bytes mutated, then signed", Expect.Survives, () => SlackCommandSigned(FuzzMutator.MutateBytes(Utf8(Template(n)), FuzzMutator.For(600 + n))));
            c.Add($"generated #{n:D2}: signed, then bytes mutated", Expect.Refused, () => SignedThenMutated(100 + n), 401);
        }
        return c.Build();
    }

    private static string Template(int index)
    {
        var command = SlackCommand.Ask("what's the best pizza topping?", ResponseUrl);
        return command.Build().Replace(command.TriggerId, $"fuzz.{index}", StringComparison.Ordinal);
    }

    private static HttpRequestMessage SignedThenMutated(int index)
    {
        var body = Utf8(Template(index));
        var headers = SlackHeaders(body);
        var mutated = FuzzMutator.MutateBytes(body, FuzzMutator.For(700 + index));
        if (mutated.AsSpan().SequenceEqual(body))
        {
            mutated[^3] ^= 0x01;
        }
        return Raw(SlackRequest.CommandsPath, mutated, Form, headers);
    }

    private static string Without(string form, string field) =>
        string.Join('&', form.Split('&').Where(p => !p.StartsWith(field + "=", StringComparison.Ordinal)));

    private static string Value(string form, string field) =>
        form.Split('&').First(p => p.StartsWith(field + "=", StringComparison.Ordinal))[(field.Length + 1)..];
}
