using System.Net;
using ChatOps.TestKit.Fleet;
using ChatOps.TestKit.QCli;

namespace ChatOps.QCliProxy.Tests.Fleet;

// Three proxy processes on loopback sharing one state folder behind a round-robin balancer (issue 22, item 5).
public sealed class FleetTests
{
    // Short, so a lease that outlived its holder shows as a 429 rather than a wait.
    private static readonly Dictionary<string, string> QuickQueue = new() { ["QCLI_QUEUE_TIMEOUT_SECONDS"] = "20" };

    [Fact]
    public async Task FollowUpsLandOnDifferentInstancesAndResumeTheSameConversation()
    {
        await using var fleet = await ProxyFleet.StartAsync(3);

        var replies = new List<ProxyReply>();
        for (var i = 0; i < 3; i++)
        {
            replies.Add(await fleet.ChatAsync("@exclusive 10"));
        }

        Assert.Equal([0, 1, 2], fleet.Balancer.Served.Select(s => s.Backend));
        Assert.All(replies, r => Assert.Equal("done", r.Terminal.Type));
        Assert.Equal(["no", "yes", "yes"], replies.Select(r => r.Seen("RESUME")));
        Assert.Single(replies.Select(r => r.Seen("CWD")).Distinct());
    }

    [Fact]
    public async Task TwoQuestionsInOneThreadSentAtOnceToTwoInstancesNeverRunTogether()
    {
        await using var fleet = await ProxyFleet.StartAsync(3, QuickQueue);

        var replies = await Task.WhenAll(fleet.ChatAsync("@exclusive 700"), fleet.ChatAsync("@exclusive 700"));

        Assert.Equal(2, fleet.Balancer.Served.Select(s => s.Backend).Distinct().Count());
        Assert.All(replies, r => Assert.Equal("done", r.Terminal.Type));
        Assert.All(replies, r => Assert.Equal("no", r.Seen("OVERLAP")));
        // The second ran after the first had ended (and marked the conversation resumable), on the other instance.
        Assert.Equal(["no", "yes"], replies.Select(r => r.Seen("RESUME")).Order());
    }

    [Fact]
    public async Task KillingAnInstanceMidAnswerEndsThatAnswerAndTheNextQuestionWorks()
    {
        await using var fleet = await ProxyFleet.StartAsync(3, QuickQueue);
        using var stream = await fleet.OpenChatAsync("@wait " + Path.Combine(fleet.Root, "never"));
        Assert.Equal("waiting\n", (await stream.NextAsync())?.Text);
        var holder = fleet.Balancer.Served[^1].Backend;

        fleet.Instances[holder].Kill();
        var rest = await ReadUntilBrokenAsync(stream);
        var next = await fleet.ChatAsync("@exclusive 10");

        // The answer ends without a done line (the bot reports a cut-off answer); the dead instance left no lease behind.
        Assert.DoesNotContain(rest, l => l.Type == "done");
        Assert.NotEqual(holder, fleet.Balancer.Served[^1].Backend);
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal("done", next.Terminal.Type);
        Assert.Equal("no", next.Seen("OVERLAP"));
    }

    [Fact]
    public async Task DrainingInstanceFinishesItsRunAndTakesNoNewOne()
    {
        await using var fleet = await ProxyFleet.StartAsync(2);
        var release = Path.Combine(fleet.Root, "release");
        using var stream = await fleet.OpenChatAsync("@wait " + release);
        Assert.Equal("waiting\n", (await stream.NextAsync())?.Text);
        var draining = fleet.Instances[fleet.Balancer.Served[^1].Backend];
        using var direct = new HttpClient { BaseAddress = draining.BaseAddress };

        draining.Terminate();
        var health = await EventuallyAsync(() => direct.GetAsync("/healthz"), r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        using var refused = await direct.SendAsync(QCliProxySigner.ChatRequest(QCliProxyHost.Secret, QCliProxyHost.Json("hi", "lark:oc_test:om_other"), DateTimeOffset.UtcNow));
        var refusal = StreamLine.Parse((await refused.Content.ReadAsStringAsync()).Trim());
        await File.WriteAllTextAsync(release, "");
        var rest = await stream.RestAsync();
        await draining.WaitForExitAsync(CancellationToken.None);

        Assert.Contains("\"draining\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(("error", "busy"), (refusal.Type, refusal.Code));
        Assert.Equal("released\n", rest[0].Text);
        Assert.Equal("done", rest[^1].Type);
        Assert.Equal(1, fleet.CliRuns);
    }

    private static async Task<List<StreamLine>> ReadUntilBrokenAsync(ChatStream stream)
    {
        var lines = new List<StreamLine>();
        try
        {
            while (await stream.NextAsync() is { } line)
            {
                lines.Add(line);
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            // The balancer broke the client's connection when its backend died.
        }

        return lines;
    }

    private static async Task<HttpResponseMessage> EventuallyAsync(Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, bool> done)
    {
        for (var i = 0; ; i++)
        {
            var response = await send();
            if (done(response) || i == 300)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(50);
        }
    }
}
