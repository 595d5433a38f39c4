using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Routing;

/// <summary>The embedded classifier's model is read on the first classification in the worker: start-up, readiness and
/// the platform handshake do not pay for it.</summary>
public sealed class IntentModelLoadingTests
{
    [Fact]
    public async Task StartUpAndHandshakeLeaveTheModelUnloadedUntilAQuestionIsClassified()
    {
        await using var app = await ChatOpsApp.StartAsync();
        var classifier = app.Services.GetRequiredService<LocalIntentClassifier>();

        (await app.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).Dispose();
        (await app.SendLarkAsync(LarkEvent.Challenge("c-1"))).Dispose();
        Assert.False(classifier.ModelLoaded);

        (await app.SendLarkAsync(LarkEvent.Text("@_user_1 what is our escalation policy?").MentioningBot().Build())).Dispose();
        await app.WhenIdleAsync();
        Assert.True(classifier.ModelLoaded);
    }
}
