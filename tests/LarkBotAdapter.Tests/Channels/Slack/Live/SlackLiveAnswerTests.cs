using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Live;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.LarkBotAdapter.Tests.Feedback;
using ChatOps.LarkBotAdapter.Tests.Ops;
using ChatOps.LarkBotAdapter.Tests.Scrubbing;
using ChatOps.LarkBotAdapter.Worker;
using ChatOps.TestKit.QCli;
using ChatOps.TestKit.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack.Live;

/// <summary>Live answers on Slack: one streamed message per answer, continuations, the fallback to segmented posts once
/// per workspace, retries that keep to their message, status, reactions and feedback. Asserted on what the fake Slack
/// holds at the end.</summary>
public sealed partial class SlackLiveAnswerTests
{
    private const string Question = "according to the runbook, how do I restart checkout-api?";

    private static readonly SlackStreamLimits Fast = new() { AppendSpacing = TimeSpan.FromMilliseconds(1), UpdateSpacing = TimeSpan.FromMilliseconds(1) };

    private static async Task<SlackApp> StartAsync(IResponder? responder, bool streaming = true, SlackStreamLimits? limits = null, Action<Dictionary<string, string?>>? settings = null)
    {
        var app = await SlackApp.StartAsync(
            services =>
            {
                if (responder is not null)
                {
                    services.AddSingleton(responder);
                }
                services.AddSingleton(limits ?? Fast);
            },
            settings);
        app.Slack.StreamingAvailable = streaming;
        return app;
    }

    private static async Task<SlackEvent> AskAsync(SlackApp app, string text = Question)
    {
        var mention = SlackEvent.AppMention(text);
        (await app.SendEventAsync(mention.Build())).Dispose();
        await app.WhenIdleAsync();
        return mention;
    }

    [Fact]
    public async Task AnswerStreamsIntoOneMessageThatEndsWithTheFooterAndFeedbackButtons()
    {
        var answer = LongAnswer.Build(3_000);
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, answer, chunkSize: 40));
        var mention = await AskAsync(app);

        var stream = Assert.Single(app.Slack.Streams);
        Assert.Empty(app.Slack.Posts);
        Assert.Equal((SlackEvent.DefaultChannel, mention.Ts), (stream.Channel, stream.ThreadTs));
        Assert.Equal((SlackEvent.DefaultUser, FakeSlackWebApi.DefaultTeamId), (stream.RecipientUserId, stream.RecipientTeamId));
        // Standard Markdown as the stream takes it: headings and fences as written, not converted to mrkdwn.
        Assert.Equal(answer, stream.Text);
        Assert.False(stream.Streaming);
        Assert.Equal(0, stream.Updates);
        Assert.True(stream.Appends >= 1, "the message grew by appends");
        Assert.StartsWith("Done in ", stream.Footer, StringComparison.Ordinal);
        var history = stream.History;
        Assert.All(history.Zip(history.Skip(1)), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        var buttons = stream.FeedbackButtons;
        Assert.NotNull(buttons);
        var value = (string)buttons["positive_button"]!["value"]!;
        Assert.True(value.Length <= SlackLiveBlocks.MaxButtonValueChars);
        Assert.Equal("up", JsonNode.Parse(value)!["vote"]!.GetValue<string>());
        Assert.Equal($"slack:{FakeSlackWebApi.DefaultTeamId}:{SlackEvent.DefaultChannel}:{mention.Ts}", JsonNode.Parse(value)!["answer"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithoutStreamingAnswersAreSegmentedWithButtonsAndStreamsAreTriedOncePerWorkspace()
    {
        var answer = LongAnswer.Build(8_000);
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, answer), streaming: false);
        app.Slack.StreamRefusal = "missing_scope";
        var first = await AskAsync(app);
        var second = await AskAsync(app, Question + " again");

        Assert.Equal(1, app.Slack.StartStreamAttempts);
        Assert.Empty(app.Slack.Streams);
        foreach (var mention in new[] { first, second })
        {
            var posts = app.Slack.PostsIn(SlackEvent.DefaultChannel, mention.Ts);
            Assert.True(posts.Count >= 2, $"expected segments, got {posts.Count}");
            // Segments are mrkdwn (headings become bold lines); only the last carries the feedback buttons.
            Assert.DoesNotContain("## ", posts[0].Text, StringComparison.Ordinal);
            Assert.All(posts.SkipLast(1), p => Assert.Null(p.Blocks));
            var blocks = JsonNode.Parse(posts[^1].Blocks!)!.AsArray();
            Assert.Equal("markdown", (string?)blocks[0]!["type"]);
            Assert.Equal("context_actions", (string?)blocks[^1]!["type"]);
            Assert.Equal("feedback_buttons", (string?)blocks[^1]!["elements"]![0]!["type"]);
        }
        Assert.Single(app.App.Logs.Lines, l => l.Contains("streamed answers unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerLongerThanAMessageContinuesInNewMessagesWithBalancedFences()
    {
        var answer = LongAnswer.Build(12_000);
        await using var app = await StartAsync(
            new ScriptedResponder(Intent.KnowledgeBase, answer, chunkSize: 500), limits: Fast with { MaxMessageBytes = 4_000 });
        var mention = await AskAsync(app);

        var streams = app.Slack.StreamsIn(SlackEvent.DefaultChannel, mention.Ts);
        Assert.True(streams.Count >= 3, $"expected continuation messages, got {streams.Count}");
        Assert.Equal(streams.Count, app.Slack.Streams.Count);
        Assert.All(streams, s => Assert.True(s.Text.Length <= 4_000, $"{s.Text.Length} characters in one message"));
        Assert.All(streams, s => Assert.Equal(0, Fences().Matches(s.Text).Count % 2));
        Assert.All(streams, s => Assert.False(s.Streaming));
        Assert.All(streams.SkipLast(1), s => Assert.Equal("↓", s.Footer));
        Assert.StartsWith("Done in ", streams[^1].Footer, StringComparison.Ordinal);
        Assert.NotNull(streams[^1].FeedbackButtons);
        Assert.All(streams.SkipLast(1), s => Assert.Null(s.FeedbackButtons));
        Assert.Equal(Words(answer).Where(w => !w.StartsWith("```", StringComparison.Ordinal)), Words(string.Join("\n", streams.Select(s => s.Text))).Where(w => !w.StartsWith("```", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RetriedJobReplacesItsOwnMessageAndStartsNoSecondOne()
    {
        const string firstRun = "alpha bravo charlie delta echo foxtrot";
        const string secondRun = "The checkout-api restarts with a rolling deploy.";
        await using var app = await StartAsync(new QueuedResponder(Intent.KnowledgeBase, (firstRun, true), (secondRun, false)));
        var turn = new ChatTurn("slack", FakeSlackWebApi.DefaultTeamId, SlackEvent.DefaultChannel, "group", "1700000600.000100",
            null, null, SlackEvent.DefaultUser, "text", Question, []);
        var job = new WorkJob(WorkJob.TurnKind, turn, Hop: 1, DateTimeOffset.UtcNow);

        // The first run dies mid-answer (its stream shows the first words), the retry answers in full.
        using (var dies = new CancellationTokenSource())
        {
            var run = ProcessAsync(app, job, dies.Token);
            await WaitUntilAsync(() => app.Slack.Streams.Count == 1 && app.Slack.Streams[0].Text.Contains("alpha", StringComparison.Ordinal));
            // The run dies after it recorded the stream's ts with the job (a death between Slack's answer and that
            // record is the one window no store can close).
            var state = app.Services.GetRequiredService<IStateStore>();
            await WaitUntilAsync(() => state.GetPostedSegmentsAsync(turn.ClaimKey, CancellationToken.None).GetAwaiter().GetResult().Count > 0);
            await dies.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }
        await ProcessAsync(app, job, CancellationToken.None);

        var stream = Assert.Single(app.Slack.Streams);
        Assert.Equal(1, app.Slack.StartStreamAttempts);
        Assert.Empty(app.Slack.Posts);
        Assert.Equal(secondRun, stream.Text.TrimEnd());
        Assert.DoesNotContain("alpha", stream.Text, StringComparison.Ordinal);
        Assert.False(stream.Streaming);
        Assert.True(stream.Updates >= 1, "the retry edited the message");
        Assert.StartsWith("Done in ", stream.Footer, StringComparison.Ordinal);
        Assert.NotNull(stream.FeedbackButtons);
    }

    [Fact]
    public async Task StatusIsShownInTheThreadWhileTheAnswerIsMade()
    {
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, "Restart it with a rolling deploy."));
        var mention = await AskAsync(app);

        var statuses = app.Slack.Statuses.Where(s => s.ChannelId == SlackEvent.DefaultChannel && s.ThreadTs == mention.Ts).Select(s => s.Status).ToArray();
        Assert.Equal("Reading your question…", statuses[0]);
        Assert.Contains(statuses, s => s.StartsWith("Looking in the runbooks…", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StatusRefusedByTheWorkspaceIsLoggedOnceAndTheAnswerStillStreams()
    {
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, "Restart it with a rolling deploy."));
        app.Slack.StatusRefusal = "missing_scope";
        await AskAsync(app);
        await AskAsync(app, Question + " again");

        Assert.Empty(app.Slack.Statuses);
        Assert.Equal(2, app.Slack.Streams.Count);
        Assert.Single(app.App.Logs.Lines, l => l.Contains("assistant status could not be shown (missing_scope)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AskersMessageGetsEyesReplacedByACheckMark()
    {
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, "Restart it with a rolling deploy."));
        var mention = await AskAsync(app);

        var reactions = app.Slack.Reactions.Where(r => r.Ts == mention.Ts && r.Channel == SlackEvent.DefaultChannel).ToArray();
        Assert.Contains(reactions, r => r is { Name: "eyes", Removed: true });
        Assert.Contains(reactions, r => r is { Name: "white_check_mark", Removed: false });
        Assert.DoesNotContain(reactions, r => r.Name == "x");
    }

    [Fact]
    public async Task FailedRouteEndsTheStreamWithTheErrorAndAnXReaction()
    {
        var answer = LongAnswer.Build(3_000);
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, answer, failAfterChars: 1_000));
        var mention = await AskAsync(app);

        var stream = Assert.Single(app.Slack.Streams);
        Assert.Empty(app.Slack.Posts);
        Assert.StartsWith(answer[..900], stream.Text, StringComparison.Ordinal);
        Assert.EndsWith("Please try again in a minute.", stream.Text, StringComparison.Ordinal);
        Assert.False(stream.Streaming);
        Assert.Null(stream.FeedbackButtons);
        Assert.StartsWith("Stopped after ", stream.Footer, StringComparison.Ordinal);
        Assert.Contains(app.Slack.Reactions, r => r is { Name: "x", Removed: false } && r.Ts == mention.Ts);
    }

    [Fact]
    public async Task FeedbackClickOnAStreamedAnswerIsRecorded()
    {
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, "Restart it with a rolling deploy."));
        var mention = await AskAsync(app);
        var buttons = Assert.Single(app.Slack.Streams).FeedbackButtons!;

        // The block_actions payload Slack sends for a click on the negative button: the element's type and the value we set.
        var click = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U0ALICE", ["team_id"] = FakeSlackWebApi.DefaultTeamId },
            ["team"] = new JsonObject { ["id"] = FakeSlackWebApi.DefaultTeamId, ["domain"] = "test" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = app.Slack.Streams[0].Ts, ["channel_id"] = SlackEvent.DefaultChannel },
            ["actions"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = (string?)buttons["type"],
                    ["action_id"] = (string?)buttons["action_id"],
                    ["block_id"] = "b1",
                    ["text"] = buttons["negative_button"]!["text"]!.DeepClone(),
                    ["value"] = (string?)buttons["negative_button"]!["value"],
                    ["action_ts"] = "1712345680.000300",
                },
            },
        }.ToJsonString();
        using var response = await app.App.SendAsync(SlackRequest.SignedInteraction(click, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var vote = Assert.Single(app.Services.Votes());
        Assert.Equal(($"slack:{FakeSlackWebApi.DefaultTeamId}:{SlackEvent.DefaultChannel}:{mention.Ts}", "down", "knowledge_base"), (vote.AnswerKey, vote.Vote, vote.Route));
        Assert.Equal($"slack:{FakeSlackWebApi.DefaultTeamId}:U0ALICE", vote.Voter);
    }

    [Fact]
    public async Task FeedbackClickOnTheLastSegmentOfAFallbackAnswerIsRecorded()
    {
        await using var app = await StartAsync(new ScriptedResponder(Intent.KnowledgeBase, "Restart it with a rolling deploy."), streaming: false);
        var mention = await AskAsync(app);
        var post = Assert.Single(app.Slack.PostsIn(SlackEvent.DefaultChannel, mention.Ts));
        var buttons = JsonNode.Parse(post.Blocks!)!.AsArray()[^1]!["elements"]![0]!;

        using var response = await app.App.SendAsync(SlackRequest.SignedInteraction(Click(buttons, "positive_button", post.Ts), DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var vote = Assert.Single(app.Services.Votes());
        Assert.Equal(($"slack:{FakeSlackWebApi.DefaultTeamId}:{SlackEvent.DefaultChannel}:{mention.Ts}", "up"), (vote.AnswerKey, vote.Vote));
    }

    // The block_actions payload Slack sends for a click on one button of a feedback_buttons element.
    private static string Click(JsonNode buttons, string button, string messageTs) => new JsonObject
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = "U0BOB", ["team_id"] = FakeSlackWebApi.DefaultTeamId },
        ["team"] = new JsonObject { ["id"] = FakeSlackWebApi.DefaultTeamId, ["domain"] = "test" },
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = SlackEvent.DefaultChannel },
        ["actions"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = (string?)buttons["type"],
                ["action_id"] = (string?)buttons["action_id"],
                ["block_id"] = "b1",
                ["text"] = buttons[button]!["text"]!.DeepClone(),
                ["value"] = (string?)buttons[button]!["value"],
                ["action_ts"] = "1712345680.000300",
            },
        },
    }.ToJsonString();

    [Fact]
    public async Task CredentialsInCliOutputNeverReachTheStream()
    {
        var dump = $"I checked the instance profile.\n\n[default]\naws_access_key_id = {FakeSecrets.AccessKeyId}\naws_secret_access_key = {FakeSecrets.SecretKey}\n\nThe pods are healthy.\n";
        await using var proxy = await FakeQCliProxy.StartAsync();
        // Cut mid-secret, as a CLI flushing its output may.
        var cut = dump.IndexOf(FakeSecrets.SecretKey[6..], StringComparison.Ordinal);
        proxy.Enqueue(FakeQCliReply.Chunks(dump[..cut], dump[cut..]).Done());
        await using var app = await StartAsync(null, settings: s =>
        {
            foreach (var (key, value) in OpsTesting.Settings(proxy.BaseAddress))
            {
                s[key] = value;
            }
        });
        await AskAsync(app, "is checkout-api throwing 5xx in prod right now?");

        var stream = Assert.Single(app.Slack.Streams);
        Assert.All(stream.History, FakeSecrets.AssertNoneIn);
        Assert.Contains("aws_secret_access_key = [redacted: aws secret key]", stream.Text, StringComparison.Ordinal);
        Assert.Contains("The pods are healthy.", stream.Text, StringComparison.Ordinal);
    }

    private static async Task ProcessAsync(SlackApp app, WorkJob job, CancellationToken cancellationToken)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<TurnProcessor>().ProcessAsync(job, cancellationToken);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }

    private static IEnumerable<string> Words(string text) => text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex("^\\s*```", RegexOptions.Multiline)]
    private static partial Regex Fences();
}
