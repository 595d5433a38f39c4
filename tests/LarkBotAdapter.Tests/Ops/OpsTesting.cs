using ChatOps.Contracts;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ops;
using ChatOps.LarkBotAdapter.ProxyClient;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.LarkBotAdapter.Tests.Ops;

/// <summary>Builds the ops client and responder against a <see cref="FakeQCliProxy"/> (or any address).</summary>
internal static class OpsTesting
{
    public const string ChatId = "oc_ops_chat";
    public const string UserId = "ou_ops_user";

    public static Dictionary<string, string?> Settings(Uri address, string secret = FakeQCliProxy.DefaultSecret) => new()
    {
        ["QLI_SERVER_ADDRESS"] = address.ToString(),
        ["QCLI_PROXY_SECRET"] = secret,
        ["QCLI_PROXY_RETRY_DELAY_MS"] = "1",
        ["QCLI_AWS_PROFILES"] = "prod, uat, logs",
        ["OPS_ALLOW_EVERYONE"] = "true",
    };

    public static QCliProxyOptions Options(Dictionary<string, string?> settings)
    {
        var options = new QCliProxyOptions();
        options.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        Assert.Empty(options.Errors);
        return options;
    }

    public static QCliProxyClient Client(QCliProxyOptions options, HttpMessageHandler? handler = null, TimeProvider? time = null) =>
        new(new HttpClient(handler ?? new SocketsHttpHandler()) { BaseAddress = options.Address, Timeout = Timeout.InfiniteTimeSpan },
            options, time ?? TimeProvider.System, NullLogger<QCliProxyClient>.Instance);

    public static AwsOpsResponder Responder(QCliProxyOptions options, HttpMessageHandler? handler = null) =>
        new(Client(options, handler), options, Desk(), NullLogger<AwsOpsResponder>.Instance);

    // A desk with nothing behind it: no channel shows cards, no job is dispatched (responder-level tests).
    public static ApprovalDesk Desk()
    {
        var store = new InMemoryApprovalStore(TimeProvider.System);
        return new ApprovalDesk(
            store, new ApprovalOptions(), new ChatChannels([]),
            new ApprovalAudit(store, TimeProvider.System, NullLogger<ApprovalAudit>.Instance), TimeProvider.System, NullLogger<ApprovalDesk>.Instance);
    }

    public static ChatTurn Turn(string text, string chatId = ChatId, string userId = UserId, string? rootId = null) =>
        new("lark", "cli_ops_app", chatId, "group", $"om_{Guid.NewGuid():N}", rootId, null, userId, "text", text, []);

    public static ResponderRequest Request(ChatTurn turn, string? profile = null, Dictionary<string, string>? attributes = null) =>
        new(turn, [], new IntentResult(Intent.AwsOps, IntentResult.SourceLocal) { AwsProfile = profile }, attributes ?? []);

    public static QCliChatRequest Chat(string prompt = "is checkout-api up?", string? profile = null) =>
        new("lark:cli_ops_app:oc_ops_chat:om_root", prompt, UserId, "lark", profile);

    /// <summary>Collects everything the responder yields; the exception, if any, is rethrown after.</summary>
    public static async Task<List<string>> AnswerAsync(IResponder responder, ResponderRequest request, List<string>? into = null)
    {
        var texts = into ?? [];
        await foreach (var text in responder.AnswerAsync(request, CancellationToken.None))
        {
            texts.Add(text);
        }
        return texts;
    }

    /// <summary>A port on loopback where nothing listens (connections are refused).</summary>
    public static Uri ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
