using System.Text;
using ChatOps.LarkBotAdapter.Ops;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Tests.Ops;

/// <summary>OPS_GUARDRAIL_ID/VERSION: every ops segment goes through ApplyGuardrail (on the fake Bedrock Runtime, real
/// wire format) before it is posted.</summary>
public sealed class OpsGuardrailTests : IAsyncLifetime
{
    private const string OpsQuestion = "@_user_1 is checkout-api throwing 5xx in prod right now?";
    private const string GuardrailId = GuardedOpsFakes.GuardrailId;
    private GuardedOpsFakes _fakes = null!;

    private FakeQCliProxy Proxy => _fakes.Proxy;

    private FakeBedrockRuntime Bedrock => _fakes.Bedrock;

    public async Task InitializeAsync() => _fakes = await GuardedOpsFakes.StartAsync();

    public async Task DisposeAsync() => await _fakes.DisposeAsync();

    private Task<ChatOpsApp> StartAsync() => _fakes.StartAppAsync();

    private static string Paragraphs(string heading, int count)
    {
        var text = new StringBuilder($"## {heading}\n\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append($"{heading} finding {i}: the 5xx rate of checkout-api stayed below the alarm threshold in this window.\n\n");
        }
        return text.ToString();
    }

    private async Task<IReadOnlyList<string>> AskAsync(ChatOpsApp app)
    {
        var message = LarkEvent.Text(OpsQuestion).MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();
        return app.Lark.RepliesTo(message.MessageId).Select(r => r.Text).ToArray();
    }

    [Fact]
    public async Task EverySegmentIsCheckedAsOutputBeforeItIsPosted()
    {
        Proxy.Enqueue(FakeQCliReply.Chunks(Paragraphs("Metrics", 20), Paragraphs("Logs", 20)).Done());
        await using var app = await StartAsync();

        var replies = await AskAsync(app);

        var checks = Bedrock.GuardrailRequests;
        Assert.True(replies.Count >= 2, $"expected several segments, got {replies.Count}");
        Assert.Equal(replies.Count, checks.Count);
        Assert.All(checks, c => Assert.Equal($"/guardrail/{GuardrailId}/version/3/apply", c.RawTarget));
        Assert.All(checks, c => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=", c.Header("Authorization"), StringComparison.Ordinal));
        Assert.All(checks, c => Assert.Equal("OUTPUT", c.BodyJson()["source"]!.GetValue<string>()));
        var checkedTexts = checks.Select(c => c.BodyJson()["content"]![0]!["text"]!["text"]!.GetValue<string>()).ToArray();
        Assert.All(checkedTexts.Zip(replies), pair => Assert.Contains(pair.First.Split('\n')[^1], pair.Second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task InterventionPostsTheGuardrailsOutputsInsteadAndStopsTheAnswer()
    {
        Proxy.Enqueue(FakeQCliReply.Chunks(Paragraphs("Metrics", 20), Paragraphs("Logs", 20)).Done());
        Bedrock.Guardrail = text => text.Contains("Logs finding", StringComparison.Ordinal)
            ? FakeGuardrailVerdict.Intervene("This answer was blocked by policy.", "Ask the SRE team.")
            : FakeGuardrailVerdict.Pass;
        await using var app = await StartAsync();

        var replies = await AskAsync(app);

        Assert.Contains("Metrics finding 1:", replies[0], StringComparison.Ordinal);
        Assert.Equal("This answer was blocked by policy.\n\nAsk the SRE team.", replies[^1]);
        Assert.DoesNotContain(replies, r => r.Contains("Logs finding", StringComparison.Ordinal));
        Assert.Equal(replies.Count, Bedrock.GuardrailRequests.Count);
    }

    [Fact]
    public async Task InterventionWithoutOutputsPostsAShortNotice()
    {
        Proxy.Enqueue(FakeQCliReply.Chunks("The database password is in the runbook.\n").Done());
        Bedrock.Guardrail = _ => FakeGuardrailVerdict.Intervene();
        await using var app = await StartAsync();

        var reply = Assert.Single(await AskAsync(app));

        Assert.Equal("⚠️ The rest of this answer was withheld by the safety guardrail.", reply);
    }

    [Fact]
    public async Task GuardrailOutageEndsInAnErrorReplyNeverAnUncheckedPost()
    {
        Proxy.Enqueue(FakeQCliReply.Chunks(Paragraphs("Metrics", 5)).Done());
        Bedrock.Always = FakeBedrockOutcome.ServerError();
        await using var app = await StartAsync();

        var reply = Assert.Single(await AskAsync(app));

        Assert.Contains("could not be checked by the safety guardrail", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Metrics finding", reply, StringComparison.Ordinal);
        Assert.Equal(2, Bedrock.GuardrailRequests.Count); // the first attempt and one retry
    }

    [Theory]
    [InlineData("OPS_GUARDRAIL_ID", GuardrailId, "OPS_GUARDRAIL_VERSION is not set")]
    [InlineData("OPS_GUARDRAIL_VERSION", "3", "OPS_GUARDRAIL_ID is not set")]
    public async Task HalfConfiguredGuardrailFailsStartUpNamingTheMissingVariable(string name, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["QLI_SERVER_ADDRESS"] = "http://127.0.0.1:9/",
            ["QCLI_PROXY_SECRET"] = FakeQCliProxy.DefaultSecret,
            ["OPS_ALLOW_EVERYONE"] = "true",
            [name] = value,
        }).Build();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAwsOps(configuration);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
