using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Ops;
using ChatOps.LarkBotAdapter.ProxyClient;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.TestKit.QCli;

namespace ChatOps.LarkBotAdapter.Tests.Ops;

/// <summary>The aws_ops responder against the loopback fake proxy: what is sent, what is yielded, what the user reads.</summary>
public sealed class AwsOpsResponderTests : IAsyncLifetime
{
    private FakeQCliProxy _proxy = null!;
    private Dictionary<string, string?> _settings = null!;

    public async Task InitializeAsync()
    {
        _proxy = await FakeQCliProxy.StartAsync();
        _settings = OpsTesting.Settings(_proxy.BaseAddress);
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    private AwsOpsResponder Responder(CountingHandler? handler = null) => OpsTesting.Responder(OpsTesting.Options(_settings), handler);

    private async Task<ResponderException> FailureAsync(string question = "is checkout-api throwing 5xx?")
    {
        return await Assert.ThrowsAsync<ResponderException>(() => OpsTesting.AnswerAsync(Responder(), OpsTesting.Request(OpsTesting.Turn(question))));
    }

    [Fact]
    public void AnswersTheAwsOpsRoute() => Assert.Equal(Intent.AwsOps, Responder().Intent);

    [Fact]
    public async Task ChunksAreYieldedInOrder()
    {
        _proxy.Enqueue(FakeQCliReply.Chunks("## checkout-api\n", "5xx rate: 0.2%\n", "No alarms firing.\n").Done());

        var texts = await OpsTesting.AnswerAsync(Responder(), OpsTesting.Request(OpsTesting.Turn("is checkout-api ok?")));

        Assert.Equal(["## checkout-api\n", "5xx rate: 0.2%\n", "No alarms firing.\n"], texts);
    }

    [Fact]
    public async Task RequestCarriesTheThreadKeyUserChannelAndChosenProfile()
    {
        var turn = OpsTesting.Turn("and in prod?", rootId: "om_thread_root");

        await OpsTesting.AnswerAsync(Responder(), OpsTesting.Request(turn, profile: "prod"));

        var request = Assert.Single(_proxy.Accepted);
        Assert.Equal(turn.ThreadKey, request.ConversationId);
        Assert.Equal("lark:cli_ops_app:oc_ops_chat:om_thread_root", request.ConversationId);
        Assert.Equal(("and in prod?", OpsTesting.UserId, "lark", "prod"), (request.Prompt, request.User, request.Channel, request.AwsProfile));
    }

    [Fact]
    public async Task ProfileOutsideTheConfiguredListIsNeverSent()
    {
        await OpsTesting.AnswerAsync(Responder(), OpsTesting.Request(OpsTesting.Turn("errors in staging?"), profile: "staging"));

        Assert.Null(Assert.Single(_proxy.Accepted).AwsProfile);
    }

    [Fact]
    public async Task FollowUpWithoutAProfileKeepsTheThreadsProfile()
    {
        var attributes = new Dictionary<string, string>();
        await OpsTesting.AnswerAsync(Responder(), OpsTesting.Request(OpsTesting.Turn("errors in uat?"), profile: "UAT", attributes: attributes));
        await OpsTesting.AnswerAsync(Responder(), OpsTesting.Request(OpsTesting.Turn("why?"), profile: null, attributes: attributes));

        Assert.Equal(["uat", "uat"], _proxy.Accepted.Select(r => r.AwsProfile));
        Assert.Equal("uat", attributes[AwsOpsResponder.ProfileAttribute]);
    }

    [Fact]
    public async Task NonZeroExitIsARetryableFailure()
    {
        _proxy.Enqueue(FakeQCliReply.Chunks("partial\n").Done(exitCode: 2));

        var ex = await FailureAsync();

        Assert.Contains("exit code 2", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Retryable);
    }

    [Theory]
    [InlineData("busy", "queue full", "busy", true)]
    [InlineData("timeout", "killed after 300 s", "ran out of time", false)]
    [InlineData("failed", "AccessDenied: not authorized to call cloudwatch:GetMetricData", "the AWS CLI failed while answering; the details are in the bot's logs.", true)]
    [InlineData("bad_request", "unknown AWS profile 'staging'", "the ops proxy refused the question as invalid", false)]
    [InlineData("something_new", "odd", "the AWS CLI failed while answering", true)]
    public async Task ErrorLineBecomesAShortCauseChosenByItsCode(string code, string message, string expected, bool retryable)
    {
        _proxy.Enqueue(FakeQCliReply.Chunks().Error(code, message));

        var ex = await FailureAsync();

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(message, ex.Message, StringComparison.Ordinal);
        Assert.Equal(retryable, ex.Retryable);
    }

    [Fact]
    public async Task FailedMessageIsNeverShownToTheUser()
    {
        _proxy.Enqueue(FakeQCliReply.Chunks().Error("failed", "\u001b[31mError:\u001b[0m throttled by CloudWatch\n   at Amazon.Runtime.Internal.HttpErrorResponseExceptionHandler.Handle()\n   at Q.Main()"));

        var ex = await FailureAsync();

        Assert.Equal("the AWS CLI failed while answering; the details are in the bot's logs.", ex.Message);
    }

    [Fact]
    public async Task BusyProxySaysTryAgainLater()
    {
        _proxy.Enqueue(FakeQCliReply.Busy());

        var ex = await FailureAsync();

        Assert.Contains("busy", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Retryable);
    }

    [Fact]
    public async Task UnauthorizedNamesTheSecretAndIsNotRetryable()
    {
        _settings["QCLI_PROXY_SECRET"] = "a-different-test-secret";

        var ex = await FailureAsync();

        Assert.Contains("QCLI_PROXY_SECRET", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.Retryable);
    }

    [Fact]
    public async Task UnreachableProxyIsRetriedThenNamesTheAddressVariable()
    {
        _settings["QLI_SERVER_ADDRESS"] = OpsTesting.ClosedPort().ToString();
        var counting = new CountingHandler();

        var ex = await Assert.ThrowsAsync<ResponderException>(
            () => OpsTesting.AnswerAsync(Responder(counting), OpsTesting.Request(OpsTesting.Turn("is prod up?"))));

        Assert.Equal(3, counting.Attempts);
        Assert.Contains("QLI_SERVER_ADDRESS", ex.Message, StringComparison.Ordinal);
        Assert.Contains("could not be reached", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Retryable);
    }

    [Fact]
    public async Task DroppedStreamKeepsWhatArrivedThenSaysItWasCutOff()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _proxy.Enqueue(FakeQCliReply.Chunks("first half\n").WaitFor(gate.Task).Drop());

        await using var answer = Responder().AnswerAsync(OpsTesting.Request(OpsTesting.Turn("is prod up?")), CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await answer.MoveNextAsync());
        Assert.Equal("first half\n", answer.Current);
        gate.SetResult();
        var ex = await Assert.ThrowsAsync<ResponderException>(async () => await answer.MoveNextAsync());

        Assert.Contains("cut off", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Retryable);
        Assert.Single(_proxy.Requests);
    }

    [Fact]
    public async Task RestrictedChatGetsAPoliteRefusalAndNoProxyCall()
    {
        _settings["OPS_ALLOWED_CHAT_IDS"] = "oc_sre_room, oc_oncall";

        var texts = await OpsTesting.AnswerAsync(Responder(), OpsTesting.Request(OpsTesting.Turn("is prod up?")));

        var reply = Assert.Single(texts);
        Assert.Contains("restricted", reply, StringComparison.Ordinal);
        Assert.Contains("OPS_ALLOWED_CHAT_IDS", reply, StringComparison.Ordinal);
        Assert.Empty(_proxy.Requests);
    }

    [Fact]
    public async Task RestrictedUserInAnAllowedChatIsRefusedToo()
    {
        _settings["OPS_ALLOWED_CHAT_IDS"] = OpsTesting.ChatId;
        _settings["OPS_ALLOWED_USER_IDS"] = "ou_sre_1";

        await OpsTesting.AnswerAsync(Responder(), OpsTesting.Request(OpsTesting.Turn("is prod up?")));
        await OpsTesting.AnswerAsync(Responder(), OpsTesting.Request(OpsTesting.Turn("is prod up?", userId: "ou_sre_1")));

        Assert.Equal("ou_sre_1", Assert.Single(_proxy.Requests).User);
    }

    [Fact]
    public async Task ChineseQuestionGetsChineseMessages()
    {
        _proxy.Enqueue(FakeQCliReply.Busy());
        var ex = await FailureAsync("生产环境的 checkout-api 现在有 5xx 错误吗？");
        _settings["OPS_ALLOWED_CHAT_IDS"] = "oc_other";
        var refusal = await OpsTesting.AnswerAsync(Responder(), OpsTesting.Request(OpsTesting.Turn("生产环境现在正常吗？")));

        Assert.Contains("运维助手", ex.Message, StringComparison.Ordinal);
        Assert.Contains("只对指定的群聊和成员开放", Assert.Single(refusal), StringComparison.Ordinal);
    }
}
