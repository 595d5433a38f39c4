using System.Text;
using System.Text.Json.Nodes;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Deployment;

/// <summary>The `sam local invoke` samples in events/: each is accepted by the real app, hosted with the fake secrets
/// the regeneration script wrote to events/env.json, when replayed the way the Web Adapter delivers it.</summary>
public sealed class SampleEventsTests
{
    [Fact]
    public async Task CommittedEventsAreAcceptedWithTheScriptsSecrets()
    {
        AssertCovered(await ReplayAsync(RepositoryFiles.Path("events")));
    }

    [ToolFact("node")]
    public async Task RegeneratedEventsAreAccepted()
    {
        var folder = Directory.CreateTempSubdirectory("chatops-events-");
        try
        {
            using (var script = ChildProcess.Start("node", [RepositoryFiles.Path("events", "make-events.mjs"), "--out", folder.FullName], RepositoryFiles.Root))
            {
                Assert.True(await script.WaitAsync(TimeSpan.FromMinutes(1)) == 0, script.Output);
            }
            var committed = Directory.GetFiles(RepositoryFiles.Path("events"), "*.json").Select(Path.GetFileName).Order();
            Assert.Equal(committed, folder.GetFiles("*.json").Select(f => f.Name).Order());
            AssertCovered(await ReplayAsync(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void AssertCovered(List<string> replayed)
    {
        Assert.Contains("slack-app-mention.json", replayed);
        Assert.Contains("slack-command.json", replayed);
        Assert.Contains("lark-challenge.json", replayed);
        Assert.Contains("lark-mention.json", replayed);
        Assert.Contains("job.json", replayed);
    }

    /// <summary>Replays every event whose route the app maps; returns the files replayed.</summary>
    private static async Task<List<string>> ReplayAsync(string folder)
    {
        var template = SamTemplate.Load();
        var secrets = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "env.json")))![template.Function.Id]!.AsObject();
        var events = Directory.GetFiles(folder, "*.json").Where(f => Path.GetFileName(f) != "env.json").Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Payload: JsonNode.Parse(File.ReadAllText(f))!.AsObject())).ToList();
        var job = events.Single(e => !HttpApiEvent.IsHttpApiEvent(e.Payload)).Payload;
        var appId = secrets["LARK_APP_ID"]!.ToString();

        // Signed events carry the time they were made: the app's clock is moved there instead of re-signing them.
        var signedAt = events.Select(e => HttpApiEvent.SignedTimestamp(e.Payload)).OfType<long>().Distinct().Single();
        var clock = new ShiftedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(signedAt + 5) - DateTimeOffset.UtcNow);
        await using var lark = (await ChatOpsApp.StartLarkAsync())
            .WithApp(appId, secrets["LARK_APP_SECRET"]!.ToString(), job["turn"]!["mentionedIds"]![0]!.ToString());
        await using var app = await ChatOpsApp.StartAsync(
            s => Configure(s, secrets),
            services => services.AddSingleton<TimeProvider>(clock),
            lark);

        var mapped = AppRoutes.Of(app.Services);
        var routed = template.EventRoutes().Select(r => r.Route).ToHashSet(StringComparer.Ordinal);
        var passThrough = template.Literal("AWS_LWA_PASS_THROUGH_PATH")!;
        var replayed = new List<string>();
        foreach (var (name, payload) in events)
        {
            HttpRequestMessage request;
            if (HttpApiEvent.IsHttpApiEvent(payload))
            {
                var route = HttpApiEvent.Route(payload);
                Assert.True(routed.Contains(route), $"{name}: {route} is not a route of the HTTP API");
                if (!mapped.Contains(route))
                {
                    continue; // A channel of another branch; after the merge it is replayed too.
                }
                request = HttpApiEvent.ToRequest(payload);
            }
            else
            {
                // An async invocation: the Web Adapter POSTs the payload as is to the pass-through path.
                request = new HttpRequestMessage(HttpMethod.Post, passThrough)
                {
                    Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"),
                };
            }
            using (request)
            using (var response = await app.SendAsync(request))
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"{name}: {(int)response.StatusCode} {body}");
                if (name.Contains("challenge", StringComparison.Ordinal))
                {
                    Assert.False(string.IsNullOrEmpty(JsonNode.Parse(body)?["challenge"]?.ToString()), $"{name}: no challenge in {body}");
                }
            }
            replayed.Add(name);
        }
        await app.WhenIdleAsync();
        // The job and the @mention were both answered in their threads.
        var jobMessage = job["turn"]!["messageId"]!.ToString();
        Assert.NotEmpty(app.Lark.RepliesTo(jobMessage));
        Assert.Contains(app.Lark.Replies, r => r.AppId == appId && r.ParentMessageId != jobMessage);
        return replayed;
    }

    // The test app's own Lark app stays first (its warm-up); the script's app is added to each Lark list.
    private static void Configure(Dictionary<string, string?> settings, JsonObject secrets)
    {
        foreach (var (key, value) in secrets)
        {
            settings[key] = key.StartsWith("LARK_", StringComparison.Ordinal) && settings.TryGetValue(key, out var first) && first is not null
                ? $"{first},{value}"
                : value?.ToString();
        }
        settings["LARK_MAX_REQUEST_AGE_SECONDS"] = secrets["LARK_MAX_REQUEST_AGE_SECONDS"]?.ToString();
        settings["CHATOPS_EVENTS_ENDPOINT"] = "true";
        settings["SLACK_API_BASE_URL"] = settings["LARK_BASE_URL"]; // never the real Slack
    }
}
