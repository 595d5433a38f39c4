using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack;

/// <summary>The real app with Slack configured against a loopback <see cref="FakeSlackWebApi"/>.</summary>
public sealed class SlackApp : IAsyncDisposable
{
    private SlackApp(ChatOpsApp app, FakeSlackWebApi slack) => (App, Slack) = (app, slack);

    public ChatOpsApp App { get; }

    public FakeSlackWebApi Slack { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<SlackApp> StartAsync(Action<IServiceCollection>? services = null, Action<Dictionary<string, string?>>? settings = null)
    {
        var slack = await FakeSlackWebApi.StartAsync();
        var app = await ChatOpsApp.StartAsync(
            s =>
            {
                s["SLACK_SIGNING_SECRET"] = SlackRequest.DefaultSigningSecret;
                s["SLACK_BOT_TOKEN"] = FakeSlackWebApi.DefaultBotToken;
                s["SLACK_API_BASE_URL"] = slack.ApiBaseUrl.ToString();
                s["SLACK_POST_INTERVAL_MS"] = "1";
                settings?.Invoke(s);
            },
            s =>
            {
                // The fake serves the response_urls; production admits only https://hooks.slack.com.
                s.AddSingleton(new SlackResponseUrlPolicy(slack.ApiBaseUrl));
                services?.Invoke(s);
            });
        app.CheckForSecrets("a Slack post", () => slack.Posts.Select(p => p.Text).Concat(slack.ResponsePosts.Select(p => p.Text)));
        app.CheckForSecrets("a Slack stream", () => slack.Streams.SelectMany(s => s.History).Concat(slack.Posts.Select(p => p.Blocks ?? "")));
        return new SlackApp(app, slack);
    }

    public Task<HttpResponseMessage> SendEventAsync(string json, int? retryNum = null) =>
        App.SendAsync(SlackRequest.Signed(json, DateTimeOffset.UtcNow, retryNum: retryNum));

    public Task<HttpResponseMessage> SendCommandAsync(SlackCommand command) =>
        App.SendAsync(SlackRequest.SignedCommand(command.Build(), DateTimeOffset.UtcNow));

    public Task WhenIdleAsync() => App.WhenIdleAsync();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
