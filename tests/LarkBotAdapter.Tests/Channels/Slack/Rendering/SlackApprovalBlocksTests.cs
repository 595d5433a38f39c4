using System.Text.Json;
using ChatOps.Contracts;
using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Tests.Scrubbing;
using ChatOps.TestKit.Slack;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack.Rendering;

public sealed class SlackApprovalBlocksTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 21, 0, 0, TimeSpan.Zero);

    private static ApprovalView View(IReadOnlyList<ApprovalField> fields, ApprovalState state = ApprovalState.Pending, string? result = null, string question = "open a case please")
    {
        var turn = new ChatTurn(Platforms.Slack, "T0TEST", "C0OPS", ChatTypes.Group, "1700000000.000100", null, null, "U0ASKER", "text", question, []);
        var hash = QCliProposalHash.Compute("P-1", "runbook_action", "prod", fields.Select(f => new QCliProposalField(f.Name, f.Value)).ToArray());
        var record = new ApprovalRecord("P-1", "runbook_action", "Restart the worker fleet", fields, "prod", hash, turn, Now, Now.AddHours(1), state, "1700000000.000200",
            state == ApprovalState.Pending ? null : "slack:T0TEST:U0BOSS", state == ApprovalState.Pending ? null : Now.AddMinutes(5), result);
        return new ApprovalView(record, ["U0BOSS", "W0OTHER"], SelfApproval: false);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static string AllText(JsonElement blocks) => string.Join("\n", blocks.EnumerateArray().Select(b => b.GetRawText()));

    [Fact]
    public void ArgumentValuesAreEscapedSoTheyCannotMentionLinkOrBreakOutOfCode()
    {
        var view = View([new("command", "echo <!channel> <@U0BOSS> & `rm -rf` <https://evil.example|click>"), new("script", "line 1\n```\n<!here>")]);

        var blocks = SlackApprovalBlocks.Json(view.Card);

        Assert.DoesNotContain("<!channel>", blocks, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", blocks, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil", blocks, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt; &lt;@U0BOSS&gt; &amp; ˋrm -rfˋ", blocks, StringComparison.Ordinal);
        Assert.Contains("line 1\\nˋˋˋ\\n&lt;!here&gt;", blocks, StringComparison.Ordinal);
        Assert.Null(SlackBlockKitCheck.Problem(Parse(blocks)));
    }

    [Fact]
    public void SecretsInTheTitleArgumentsAndResultAreMaskedInTheBlocksAndTheText()
    {
        var fields = new ApprovalField[] { new("communication_body", $"aws_secret_access_key = {FakeSecrets.SecretKey}\nthen retry") };
        var view = View(fields, ApprovalState.Executed, result: $"done; the CLI echoed password={FakeSecrets.Password}");
        view = view with { Record = view.Record with { Title = $"Rotate the login password={FakeSecrets.Password}" } };

        var blocks = SlackApprovalBlocks.Json(view.Card);
        var text = SlackApprovalBlocks.Text(view.Card);

        FakeSecrets.AssertNoneIn(blocks);
        FakeSecrets.AssertNoneIn(text);
        Assert.Contains("[redacted: aws secret key]", blocks, StringComparison.Ordinal);
        Assert.Contains("password=[redacted: password]", text, StringComparison.Ordinal);
        Assert.Contains("values that look like credentials are masked here", blocks, StringComparison.Ordinal);
    }

    [Fact]
    public void LongValuesAreCutVisiblyWithinTheSectionLimit()
    {
        var body = string.Concat(Enumerable.Repeat("<&>", 4_000));
        var view = View([new("communication_body", body)]);

        var blocks = Parse(SlackApprovalBlocks.Json(view.Card));

        Assert.Null(SlackBlockKitCheck.Problem(blocks));
        var section = blocks.EnumerateArray().Single(b => b.GetRawText().Contains("communication_body", StringComparison.Ordinal));
        var text = section.GetProperty("text").GetProperty("text").GetString()!;
        Assert.InRange(text.Length, 2_000, SlackApprovalBlocks.MaxSectionChars);
        Assert.Matches(@"cut here: [\d,]+ more characters not shown", text);
        Assert.DoesNotMatch("&(a|am|l|g)?…", text);
    }

    [Fact]
    public void ManyArgumentsStayWithinFiftyBlocksAndSayWhatIsNotShown()
    {
        var fields = Enumerable.Range(1, 80).Select(i => new ApprovalField($"argument {i}", $"line a\nline b {i}")).ToArray();

        var blocks = Parse(SlackApprovalBlocks.Json(View(fields).Card));

        Assert.Null(SlackBlockKitCheck.Problem(blocks));
        Assert.InRange(blocks.GetArrayLength(), SlackApprovalBlocks.MaxBlocks - 2, SlackApprovalBlocks.MaxBlocks);
        Assert.Contains("more argument sections are not shown here", AllText(blocks), StringComparison.Ordinal);
        Assert.Equal("actions", blocks[blocks.GetArrayLength() - 1].GetProperty("type").GetString());
    }

    [Fact]
    public void OpenCardHasApproveAndRejectButtonsCarryingTheProposalAndItsHash()
    {
        var view = View([new("runbook", "restart-workers.sh")]);

        var actions = Parse(SlackApprovalBlocks.Json(view.Card)).EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions");

        var buttons = actions.GetProperty("elements").EnumerateArray().ToArray();
        Assert.Equal([SlackApprovalBlocks.ApproveActionId, SlackApprovalBlocks.RejectActionId], buttons.Select(b => b.GetProperty("action_id").GetString()));
        Assert.Equal(["primary", "danger"], buttons.Select(b => b.GetProperty("style").GetString()));
        Assert.All(buttons, b => Assert.Equal(("P-1", view.Record.ArgumentsHash), SlackApprovalClicks.Read(b.GetProperty("value").GetString())));
    }

    [Fact]
    public void DecidedCardHasNoButtonsAndNamesTheDeciderAndTheResult()
    {
        var view = View([new("runbook", "restart-workers.sh")], ApprovalState.Executed, result: "exit 0\nrestarted 3 workers");

        var json = SlackApprovalBlocks.Json(view.Card);

        Assert.DoesNotContain("\"actions\"", json, StringComparison.Ordinal);
        Assert.Contains("Approved by <@U0BOSS> at 2026-12-05 21:05 UTC, done.", json, StringComparison.Ordinal);
        Assert.Contains("restarted 3 workers", json, StringComparison.Ordinal);
        Assert.StartsWith("Done: Restart the worker fleet (P-1). Approved by <@U0BOSS>", SlackApprovalBlocks.Text(view.Card), StringComparison.Ordinal);
    }

    [Fact]
    public void ChineseQuestionGetsAChineseCard()
    {
        var json = SlackApprovalBlocks.Json(View([new("runbook", "restart-workers.sh")], question: "请帮我重启生产环境的工作节点").Card);

        Assert.Contains("需要审批：", json, StringComparison.Ordinal);
        Assert.Contains("批准", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("P-1")]
    [InlineData("[]")]
    [InlineData("{\"proposal\":\"P-1\"}")]
    [InlineData("{\"proposal\":\"P-1\",\"hash\":\"ABCDEF0000000000000000000000000000000000000000000000000000000000\"}")]
    [InlineData("{\"proposal\":\"P-1\",\"hash\":\"abc\"}")]
    [InlineData("{\"proposal\":\"<!channel>\",\"hash\":\"0000000000000000000000000000000000000000000000000000000000000000\"}")]
    [InlineData("{\"proposal\":1,\"hash\":\"0000000000000000000000000000000000000000000000000000000000000000\"}")]
    [InlineData("{\"proposal\":\"P-1\",\"hash\":{\"x\":1}}")]
    public void ValuesThatAreNotOursAreNotRead(string? value) => Assert.Null(SlackApprovalClicks.Read(value));
}
