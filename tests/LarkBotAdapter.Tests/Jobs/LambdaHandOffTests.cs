using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit;
using ChatOps.TestKit.Lark;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.LarkBotAdapter.Tests.Jobs;

/// <summary>On Lambda the ingress hands off by an async self-invocation that the Web Adapter delivers to /events.</summary>
public sealed class LambdaHandOffTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, string? InvocationType, string? Authorization, string Body)> _invocations = new();
    private LoopbackServer _lambda = null!;
    private ChatOpsApp _app = null!;
    private HttpStatusCode _invokeStatus = HttpStatusCode.Accepted;
    private TaskCompletionSource? _hold;

    public async Task InitializeAsync()
    {
        _lambda = await LoopbackServer.StartAsync(app => app.MapPost("/2015-03-31/functions/{name}/invocations", async (HttpContext c, string name) =>
        {
            using var reader = new StreamReader(c.Request.Body, Encoding.UTF8);
            _invocations.Enqueue((c.Request.Path + c.Request.QueryString, c.Request.Headers["X-Amz-Invocation-Type"], c.Request.Headers.Authorization, await reader.ReadToEndAsync()));
            if (_hold is { } hold)
            {
                await hold.Task.WaitAsync(c.RequestAborted);
            }
            return Results.StatusCode((int)_invokeStatus);
        }));
        _app = await ChatOpsApp.StartAsync(s =>
        {
            s["AWS_LAMBDA_FUNCTION_NAME"] = "chatops-bot";
            s["AWS_LAMBDA_FUNCTION_VERSION"] = "7";
            s["AWS_ENDPOINT_URL_LAMBDA"] = _lambda.BaseAddress.ToString();
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _lambda.DisposeAsync();
    }

    [Fact]
    public async Task MentionIsHandedOffAsAnAsyncSignedInvocationAndAnsweredFromEvents()
    {
        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot();
        using var ack = await _app.SendLarkAsync(message.Build());
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Empty(_app.Lark.Replies);

        var invocation = Assert.Single(_invocations);
        Assert.Equal("/2015-03-31/functions/chatops-bot/invocations?Qualifier=7", invocation.Path);
        Assert.Equal("Event", invocation.InvocationType);
        Assert.Contains("/us-east-1/lambda/aws4_request", invocation.Authorization, StringComparison.Ordinal);
        Assert.Equal(1, JsonNode.Parse(invocation.Body)!["hop"]!.GetValue<int>());

        // What the Lambda Web Adapter does with the async event.
        using var job = await _app.Client.PostAsync("/events", new StringContent(invocation.Body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, job.StatusCode);
        Assert.Single(_app.Lark.RepliesTo(message.MessageId));
    }

    [Fact]
    public async Task FailedInvocationReleasesTheClaimSoTheRedeliveryIsAnswered()
    {
        _invokeStatus = HttpStatusCode.TooManyRequests;
        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot();
        using (var first = await _app.SendLarkAsync(message.Build()))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        }
        _invokeStatus = HttpStatusCode.Accepted;
        _invocations.Clear();
        using (var redelivery = await _app.SendLarkAsync(message.Build()))
        {
            Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        }
        Assert.Single(_invocations);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task InvokeIsSentOnceEvenWhenLambdaRefusesIt(HttpStatusCode status)
    {
        // A retried Invoke whose first 202 was lost would queue the job twice; the platform's redelivery is the retry.
        _invokeStatus = status;
        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot();

        using var ack = await _app.SendLarkAsync(message.Build());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ack.StatusCode);
        Assert.Single(_invocations);
    }

    [Fact]
    public async Task InvokeThatOutlastsTheAckBudgetIsCutOffAndItsClaimReleasedForTheRedelivery()
    {
        _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot();
        using (var first = await _app.SendLarkAsync(message.Build()))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        }

        _hold.SetResult();
        _hold = null;
        _invocations.Clear();
        using (var redelivery = await _app.SendLarkAsync(message.Build()))
        {
            Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        }

        Assert.Single(_invocations);
        Assert.Contains(_app.Logs.Lines, l => l.Contains("hand-off to the worker failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JobThatWouldRecurseIsDropped()
    {
        var message = LarkEvent.Text("@_user_1 tell me a joke").MentioningBot();
        (await _app.SendLarkAsync(message.Build())).Dispose();
        var body = JsonNode.Parse(Assert.Single(_invocations).Body)!;
        body["hop"] = 2;
        using var job = await _app.Client.PostAsync("/events", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, job.StatusCode);
        Assert.Empty(_app.Lark.Replies);
    }

    [Fact]
    public async Task AnExecuteJobWithoutTheOpsRouteFailsSoLambdaRetriesIt()
    {
        // ops.execute has a handler only where the ops route is configured; elsewhere the job fails like any failed job.
        (await _app.SendLarkAsync(LarkEvent.Text("@_user_1 tell me a joke").MentioningBot().Build())).Dispose();
        var body = JsonNode.Parse(Assert.Single(_invocations).Body)!;
        body["kind"] = "ops.execute";
        body["proposalId"] = "P-7Q2K9";
        using var job = await _app.Client.PostAsync("/events", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.InternalServerError, job.StatusCode);
        Assert.Contains("job failed; Lambda will retry it", await job.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_app.Lark.Replies);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"kind\":\"chat.turn\"}")]
    [InlineData("{\"kind\":\"something.else\",\"turn\":{}}")]
    [InlineData("[1,2,3]")]
    public async Task MalformedJobIsABadRequest(string body)
    {
        using var job = await _app.Client.PostAsync("/events", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, job.StatusCode);
        Assert.Empty(_app.Lark.Replies);
    }
}
