using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.LarkBotAdapter.Feedback;
using ChatOps.LarkBotAdapter.Tests.Feedback;
using ChatOps.TestKit.Slack;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack.Inbound;

/// <summary>POST /slack/interactions: Slack's signed form with a payload; feedback button clicks are recorded.</summary>
public sealed class SlackInteractionTests
{
    private static readonly AnswerFeedback Answer = new("slack:T0TEST:C0TEST:1712345678.000100", "aws_ops", "q-cli", "bedrock", 4200);

    // A block_actions payload as Slack sends it for a click on a feedback_buttons element.
    private static string Click(Vote vote, string user = "U0ALICE", string type = "feedback_buttons")
    {
        var value = new JsonObject();
        foreach (var (key, text) in Answer.Values(vote))
        {
            value[key] = text;
        }
        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "alice", ["team_id"] = "T0TEST" },
            ["api_app_id"] = "A0TEST",
            ["token"] = "legacy-verification-field",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1712345679.000200", ["channel_id"] = "C0TEST", ["is_ephemeral"] = false },
            ["trigger_id"] = "123.456.abc",
            ["team"] = new JsonObject { ["id"] = "T0TEST", ["domain"] = "test" },
            ["channel"] = new JsonObject { ["id"] = "C0TEST", ["name"] = "ops" },
            ["response_url"] = "https://hooks.slack.com/actions/T0TEST/1/test",
            ["actions"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = type,
                    ["action_id"] = "feedback",
                    ["block_id"] = "answer_feedback",
                    ["value"] = value.ToJsonString(),
                    ["action_ts"] = "1712345680.000300",
                },
            },
        }.ToJsonString();
    }

    [Fact]
    public async Task FeedbackClickIsRecordedOncePerPersonAndASecondClickReplacesIt()
    {
        await using var slack = await SlackApp.StartAsync();

        foreach (var (vote, user) in new[] { (Vote.Up, "U0ALICE"), (Vote.Down, "U0ALICE"), (Vote.Up, "U0BOB") })
        {
            using var response = await slack.App.SendAsync(SlackRequest.SignedInteraction(Click(vote, user), DateTimeOffset.UtcNow));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var votes = slack.Services.Votes().OrderBy(v => v.Voter, StringComparer.Ordinal).ToArray();
        Assert.Equal(["slack:T0TEST:U0ALICE", "slack:T0TEST:U0BOB"], votes.Select(v => v.Voter));
        Assert.Equal(["down", "up"], votes.Select(v => v.Vote));
        Assert.All(votes, v => Assert.Equal((Answer.AnswerKey, "aws_ops", "q-cli", "bedrock", 4200L), (v.AnswerKey, v.Route, v.Model, v.Classifier, v.LatencyMs)));
    }

    [Fact]
    public async Task BadSignatureIsRefusedAndRecordsNothing()
    {
        await using var slack = await SlackApp.StartAsync();

        using var forged = await slack.App.SendAsync(SlackRequest.SignedInteraction(Click(Vote.Up), DateTimeOffset.UtcNow, secret: "test-wrong-secret"));
        using var stale = await slack.App.SendAsync(SlackRequest.SignedInteraction(Click(Vote.Up), DateTimeOffset.UtcNow.AddMinutes(-10)));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Empty(slack.Services.Votes());
    }

    [Theory]
    [InlineData("payload=")]
    [InlineData("payload=not-json")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%7D")]
    [InlineData("text=hello")]
    [InlineData("payload=%5B%5D")]
    public async Task MalformedFormIsA400(string form)
    {
        await using var slack = await SlackApp.StartAsync();
        var now = SlackRequest.UnixSeconds(DateTimeOffset.UtcNow);

        using var response = await slack.App.SendAsync(SlackRequest.Raw(
            SlackRequest.InteractionsPath, form, "application/x-www-form-urlencoded", now, SlackRequest.Sign(SlackRequest.DefaultSigningSecret, now, form)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("not a Slack interaction", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherInteractionsAndUnknownButtonsAreAcknowledgedAndIgnored()
    {
        await using var slack = await SlackApp.StartAsync();
        var shortcut = new JsonObject { ["type"] = "shortcut", ["user"] = new JsonObject { ["id"] = "U0ALICE", ["team_id"] = "T0TEST" }, ["team"] = new JsonObject { ["id"] = "T0TEST" } }.ToJsonString();

        using var first = await slack.App.SendAsync(SlackRequest.SignedInteraction(shortcut, DateTimeOffset.UtcNow));
        using var second = await slack.App.SendAsync(SlackRequest.SignedInteraction(Click(Vote.Up, type: "static_select"), DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Empty(slack.Services.Votes());
    }
}
