using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;
using ChatOps.TestKit.Slack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>One app with every endpoint open (two Lark apps, Slack, <c>/events</c>), the Bedrock classifier and the
/// ops route pointed at loopback fakes, so any side effect of a hostile request shows up in a fake.</summary>
public sealed class HostileApp : IAsyncLifetime
{
    public const string OtherAppId = "cli_test_other_app";
    public const string OtherEncryptKey = "test-other-encrypt-key";
    public const string OtherToken = "test-other-verification-token";

    /// <summary>A hang guard, not a speed assertion: every request must be answered well within it.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private FakeLarkOpenApi _lark = null!;

    public ChatOpsApp App { get; private set; } = null!;

    public FakeSlackWebApi Slack { get; private set; } = null!;

    public FakeBedrockRuntime Bedrock { get; private set; } = null!;

    public FakeQCliProxy Proxy { get; private set; } = null!;

    public CountingDispatcher Dispatcher => App.Services.GetRequiredService<CountingDispatcher>();

    public BodyReadMeter BodyMeter => App.Services.GetRequiredService<BodyReadMeter>();

    public async Task InitializeAsync()
    {
        _lark = (await ChatOpsApp.StartLarkAsync()).WithApp(OtherAppId, "test-other-app-secret", "ou_test_other_bot");
        Slack = await FakeSlackWebApi.StartAsync();
        // Every real message is off topic for this model: one short polite reply per answered message.
        Bedrock = await FakeBedrockRuntime.StartAsync(_ => "off_topic");
        Proxy = await FakeQCliProxy.StartAsync();
        App = await ChatOpsApp.StartAsync(
            s =>
            {
                s["LARK_APP_ID"] = $"{LarkEvent.DefaultAppId},{OtherAppId}";
                s["LARK_APP_SECRET"] = $"{ChatOpsApp.AppSecret},test-other-app-secret";
                s["LARK_VERIFICATION_TOKEN"] = $"{LarkEvent.DefaultToken},{OtherToken}";
                s["LARK_ENCRYPT_KEY"] = $"{ChatOpsApp.EncryptKey},{OtherEncryptKey}";
                s["SLACK_SIGNING_SECRET"] = SlackRequest.DefaultSigningSecret;
                s["SLACK_BOT_TOKEN"] = FakeSlackWebApi.DefaultBotToken;
                s["SLACK_API_BASE_URL"] = Slack.ApiBaseUrl.ToString();
                s["SLACK_POST_INTERVAL_MS"] = "1";
                s["RECOGNITION_MODEL_ID"] = "anthropic.claude-3-haiku-20240307-v1:0";
                s["INTENT_LOCAL_CONFIDENCE"] = "1";
                s["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = Bedrock.BaseAddress.ToString();
                s["QLI_SERVER_ADDRESS"] = Proxy.BaseAddress.ToString();
                s["QCLI_PROXY_SECRET"] = FakeQCliProxy.DefaultSecret;
                s["OPS_ALLOW_EVERYONE"] = "true";
                s["CHATOPS_EVENTS_ENDPOINT"] = "true";
            },
            services =>
            {
                services.AddSingleton(new SlackResponseUrlPolicy(new Uri("https://hooks.slack.invalid/")));
                services.AddSingleton(sp => new CountingDispatcher(sp.GetRequiredService<InProcessJobQueue>()));
                services.AddSingleton<BodyReadMeter>();
                services.AddSingleton<IStartupFilter>(sp => sp.GetRequiredService<BodyReadMeter>());
                services.AddSingleton<IJobDispatcher>(sp => sp.GetRequiredService<CountingDispatcher>());
            },
            _lark);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _lark.DisposeAsync();
        await Slack.DisposeAsync();
        await Bedrock.DisposeAsync();
        await Proxy.DisposeAsync();
    }

    public SideEffects Snapshot() => new(
        _lark.ReplyAttempts,
        Slack.PostAttempts,
        Slack.Posts.Count(p => p.ThreadTs is not null),
        Slack.ResponsePosts.Count,
        Bedrock.Requests.Count,
        Proxy.Requests.Count,
        Dispatcher.Count,
        ((InMemoryStateStore)App.Services.GetRequiredService<IStateStore>()).Votes(DateTimeOffset.UtcNow).Count);

    /// <summary>Sends the case's request and returns its status, what it set off once the worker is idle, and its path.</summary>
    public async Task<(int Status, string Body, SideEffects Effects, string Path)> RunAsync(HostileCase hostile)
    {
        await App.WhenIdleAsync();
        var before = Snapshot();
        using var request = hostile.Request();
        var path = request.RequestUri?.OriginalString ?? "";
        using var response = await App.Client.SendAsync(request).WaitAsync(Guard);
        var body = await response.Content.ReadAsStringAsync().WaitAsync(Guard);
        await App.WhenIdleAsync();
        return ((int)response.StatusCode, body, Snapshot().Minus(before), path);
    }

    /// <summary>Runs the case and checks the outcome its <see cref="Expect"/> demands.</summary>
    public async Task CheckAsync(HostileCase hostile)
    {
        var (status, body, effects, path) = await RunAsync(hostile);
        var what = $"{hostile.Name}: {status} {Clip(body)} {effects}";
        Assert.True(status < 500, what);
        if (hostile.Status is { } expected)
        {
            Assert.True(expected == status, what);
        }
        Assert.Equal(0, effects.ProxyCalls);
        switch (hostile.Expect)
        {
            case Expect.Refused:
                Assert.True(status is >= 400 and < 500, what);
                Assert.True(effects == SideEffects.None, what);
                break;
            case Expect.Ignored:
                Assert.True(status == 200, what);
                Assert.True(effects == SideEffects.None, what);
                break;
            case Expect.Answered:
                Assert.True(status == 200, what);
                Assert.True(effects.Answers == 1, what);
                break;
            default:
                Assert.True(status == 200 ? Survived(path, effects) : effects == SideEffects.None, what);
                break;
        }
    }

    /// <summary>An accepted request is never left silent: every job the ingress took is answered once, and a job the
    /// worker took is answered.</summary>
    private static bool Survived(string path, SideEffects effects) => path == "/events"
        ? effects.Jobs == 0 && effects.Answers == 1
        : effects.Jobs <= 1 && effects.Answers == effects.Jobs;

    private static string Clip(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
