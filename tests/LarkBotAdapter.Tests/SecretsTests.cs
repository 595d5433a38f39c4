using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests;

/// <summary>Secrets never reach logs or replies, whatever happens.</summary>
public sealed class SecretsTests
{
    [Fact]
    public async Task NoSecretAppearsInLogsOrRepliesAcrossScenarios()
    {
        await using var bedrock = await FakeBedrockRuntime.StartAsync(_ => "knowledge_base");
        var responder = new ScriptedResponder(Intent.KnowledgeBase, LongAnswer.Build(4000), failAfterChars: 2000);
        await using var app = await ChatOpsApp.StartAsync(
            s =>
            {
                s["RECOGNITION_MODEL_ID"] = "anthropic.claude-3-haiku-20240307-v1:0";
                s["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = bedrock.BaseAddress.ToString();
            },
            s => s.AddSingleton<IResponder>(responder));
        bedrock.Enqueue(FakeBedrockOutcome.Throttle(), FakeBedrockOutcome.Error(403, "AccessDeniedException", "not authorized"));
        app.Lark.RevokeTokens();
        app.Lark.FailNextReplies(LarkFault.ServerError, LarkFault.TokenInvalid);

        var mention = LarkEvent.Text("@_user_1 what does the runbook say?").MentioningBot().Build();
        (await app.SendAsync(LarkRequest.EncryptedWithBadSignature(mention, ChatOpsApp.EncryptKey, DateTimeOffset.UtcNow))).Dispose();
        (await app.SendAsync(LarkRequest.Plain(LarkEvent.Challenge("c", "wrong-token")))).Dispose();
        (await app.SendLarkAsync(mention)).Dispose();
        (await app.SendLarkAsync(LarkEvent.Text("@_user_1 and then?").MentioningBot().Build())).Dispose();
        await app.WhenIdleAsync();

        Assert.NotEmpty(app.Lark.Replies);
        Assert.NotEmpty(app.Logs.Lines);
        string[] secrets = [ChatOpsApp.AppSecret, ChatOpsApp.EncryptKey, LarkEvent.DefaultToken, "test-secret-access-key"];
        var everything = string.Join("\n", app.Logs.Lines.Concat(app.Lark.Replies.Select(r => r.Content)));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
        Assert.DoesNotMatch("\\bt-[0-9a-f]{32}\\b", everything); // tenant access tokens issued by the fake
    }
}
