using System.Net;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Api;
using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit;
using ChatOps.TestKit.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack.Api;

/// <summary>The app's Slack client (as registered) follows no redirect: a 302 is an error, and its target hears nothing.</summary>
public sealed class SlackRedirectTests : IAsyncLifetime
{
    private int _targetHits;
    private LoopbackServer _target = null!;
    private LoopbackServer _redirecting = null!;
    private ChatOpsApp _app = null!;

    public async Task InitializeAsync()
    {
        _target = await LoopbackServer.StartAsync(app => app.Run(context =>
        {
            Interlocked.Increment(ref _targetHits);
            return context.Response.WriteAsJsonAsync(new { ok = true, ts = "1700000000.000100" });
        }));
        _redirecting = await LoopbackServer.StartAsync(app => app.Run(context =>
        {
            context.Response.Redirect(new Uri(_target.BaseAddress, context.Request.Path.Value!.TrimStart('/')).ToString());
            return Task.CompletedTask;
        }));
        _app = await ChatOpsApp.StartAsync(
            s =>
            {
                s["SLACK_SIGNING_SECRET"] = SlackRequest.DefaultSigningSecret;
                s["SLACK_BOT_TOKEN"] = FakeSlackWebApi.DefaultBotToken;
                s["SLACK_API_BASE_URL"] = new Uri(_redirecting.BaseAddress, "api/").ToString();
            },
            services => services.AddSingleton(new SlackResponseUrlPolicy(_redirecting.BaseAddress)));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _redirecting.DisposeAsync();
        await _target.DisposeAsync();
    }

    [Fact]
    public async Task WebApiCallAnsweredWithARedirectFailsAndTheTargetGetsNothing()
    {
        var client = _app.Services.GetRequiredService<SlackWebApiClient>();

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => client.PostMessageAsync("C0OPS", "hello", null, CancellationToken.None));

        Assert.Equal((int)HttpStatusCode.Found, error.HttpStatus);
        Assert.Equal(0, Volatile.Read(ref _targetHits));
    }

    [Fact]
    public async Task ResponseUrlAnsweredWithARedirectFailsAndTheTargetGetsNothing()
    {
        var client = _app.Services.GetRequiredService<SlackWebApiClient>();

        var error = await Assert.ThrowsAsync<SlackApiException>(() => client.PostToResponseUrlAsync(
            new Uri(_redirecting.BaseAddress, "response/abc"), "hello", CancellationToken.None));

        Assert.Equal((int)HttpStatusCode.Found, error.HttpStatus);
        Assert.Equal(0, Volatile.Read(ref _targetHits));
    }

    [Fact]
    public async Task ResponseUrlOffTheAllowedOriginIsNotSent()
    {
        var client = _app.Services.GetRequiredService<SlackWebApiClient>();

        var error = await Assert.ThrowsAsync<SlackApiException>(() => client.PostToResponseUrlAsync(
            new Uri(_target.BaseAddress, "response/abc"), "hello", CancellationToken.None));

        Assert.Equal("response_url_not_allowed", error.Error);
        Assert.Equal(0, Volatile.Read(ref _targetHits));
    }
}
