using System.Net;
using System.Runtime.CompilerServices;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Jobs;

/// <summary>Outside Lambda, a stopping instance finishes what it accepted, or says in the thread that it could not.</summary>
public sealed class GracefulStopTests
{
    private const string Question = "@_user_1 what does the runbook say about rolling back checkout-api?";

    [Fact]
    public async Task AJobRunningWhenTheInstanceStopsIsFinishedAndAnswered()
    {
        var responder = new GatedResponder();
        await using var app = await StartAsync(responder, drainSeconds: 30);
        var message = LarkEvent.Text(Question).MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await responder.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var stopping = app.Services.GetRequiredService<InProcessJobQueue>().StopAsync(CancellationToken.None);
        responder.Release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        var reply = Assert.Single(app.Lark.RepliesTo(message.MessageId));
        Assert.Contains("Roll back with the previous image.", reply.Text, StringComparison.Ordinal);
        Assert.Contains(app.Logs.Lines, l => l.Contains("Stopped: 1 jobs finished, 0 cut short", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AJobStillRunningWhenTheDrainTimeIsUpEndsWithANoticeInItsThread()
    {
        var responder = new GatedResponder();
        await using var app = await StartAsync(responder, drainSeconds: 1);
        var message = LarkEvent.Text(Question).MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await responder.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await app.Services.GetRequiredService<InProcessJobQueue>().StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var reply = Assert.Single(app.Lark.RepliesTo(message.MessageId));
        Assert.Contains("I was restarted before the answer was finished.", reply.Text, StringComparison.Ordinal);
        Assert.Contains(app.Logs.Lines, l => l.Contains("Stopped: 0 jobs finished, 1 cut short", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMessageArrivingWhileTheInstanceStopsIsRefusedWith503AndLeftForTheRedelivery()
    {
        await using var app = await StartAsync(new GatedResponder(), drainSeconds: 1);
        await app.Services.GetRequiredService<InProcessJobQueue>().StopAsync(CancellationToken.None);
        var message = LarkEvent.Text(Question).MentioningBot();

        using var ack = await app.SendLarkAsync(message.Build());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ack.StatusCode);
        var state = app.Services.GetRequiredService<IStateStore>();
        Assert.True(await state.TryClaimAsync($"lark:{LarkEvent.DefaultAppId}:{message.MessageId}", Guid.NewGuid().ToString("N"), TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    private static Task<ChatOpsApp> StartAsync(GatedResponder responder, int drainSeconds) => ChatOpsApp.StartAsync(
        s => s["CHATOPS_DRAIN_TIMEOUT_SECONDS"] = drainSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        s => s.AddSingleton<IResponder>(responder));

    /// <summary>Answers the knowledge route only once released; says when an answer has started.</summary>
    private sealed class GatedResponder : IResponder
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Intent Intent => Intent.KnowledgeBase;

        public async IAsyncEnumerable<string> AnswerAsync(ResponderRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            yield return "Roll back with the previous image.";
        }
    }
}
