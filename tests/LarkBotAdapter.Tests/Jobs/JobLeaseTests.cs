using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit;
using ChatOps.TestKit.Lark;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Jobs;

/// <summary>Lambda delivers an async event at least once: each run of a job on /events holds a lease on it.</summary>
public sealed class JobLeaseTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _invocations = new();
    private readonly CountingResponder _responder = new();
    private LoopbackServer _lambda = null!;
    private ChatOpsApp _app = null!;

    public async Task InitializeAsync()
    {
        _lambda = await LoopbackServer.StartAsync(app => app.MapPost("/2015-03-31/functions/{name}/invocations", async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body, Encoding.UTF8);
            _invocations.Enqueue(await reader.ReadToEndAsync());
            return Results.StatusCode(202);
        }));
        _app = await ChatOpsApp.StartAsync(
            s =>
            {
                s["AWS_LAMBDA_FUNCTION_NAME"] = "chatops-bot";
                s["AWS_ENDPOINT_URL_LAMBDA"] = _lambda.BaseAddress.ToString();
            },
            s => s.AddSingleton<IResponder>(_responder));
    }

    public async Task DisposeAsync()
    {
        _responder.Release.TrySetResult();
        await _app.DisposeAsync();
        await _lambda.DisposeAsync();
    }

    [Fact]
    public async Task ASecondDeliveryOfARunningJobEndsAtOnce()
    {
        var (message, job) = await HandOffAsync();
        var first = PostJobAsync(job);
        await _responder.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        using var second = await PostJobAsync(job);
        _responder.Release.SetResult();
        using var firstDone = await first;

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("already running", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, firstDone.StatusCode);
        Assert.Equal(1, _responder.Calls);
        Assert.Single(_app.Lark.RepliesTo(message.MessageId));
    }

    [Fact]
    public async Task ADeliveryOfAFinishedJobEndsAtOnce()
    {
        _responder.Release.SetResult();
        var (message, job) = await HandOffAsync();
        (await PostJobAsync(job)).Dispose();

        using var again = await PostJobAsync(job);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already answered", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, _responder.Calls);
        Assert.Single(_app.Lark.RepliesTo(message.MessageId));
    }

    [Fact]
    public async Task ADeliveryAfterACrashedRunTakesTheJobOver()
    {
        _responder.Release.SetResult();
        var (message, job) = await HandOffAsync();
        var state = _app.Services.GetRequiredService<IStateStore>();
        var claimKey = $"lark:{LarkEvent.DefaultAppId}:{message.MessageId}";
        // A run that took the lease and died: it never renews it.
        Assert.Equal(JobLease.Acquired, await state.TryLeaseJobAsync(claimKey, "crashed-run", TimeSpan.FromMilliseconds(50), CancellationToken.None));
        await Task.Delay(200);

        using var retry = await PostJobAsync(job);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(1, _responder.Calls);
        Assert.Single(_app.Lark.RepliesTo(message.MessageId));
    }

    private async Task<(LarkEvent Message, string Job)> HandOffAsync()
    {
        var message = LarkEvent.Text("@_user_1 what does the runbook say about rolling back checkout-api?").MentioningBot();
        (await _app.SendLarkAsync(message.Build())).Dispose();
        return (message, Assert.Single(_invocations));
    }

    private Task<HttpResponseMessage> PostJobAsync(string job) =>
        _app.Client.PostAsync("/events", new StringContent(job, Encoding.UTF8, "application/json"));

    private sealed class CountingResponder : IResponder
    {
        private int _calls;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls => Volatile.Read(ref _calls);

        public Intent Intent => Intent.KnowledgeBase;

        public async IAsyncEnumerable<string> AnswerAsync(ResponderRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            yield return "Roll back with the previous image.";
        }
    }
}
