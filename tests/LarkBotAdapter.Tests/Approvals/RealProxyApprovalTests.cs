using System.Net;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Approvals;

/// <summary>
/// Lark → the app → the real proxy (in process), whose fake CLI calls the real `QCliProxy mcp-proposals` server: the
/// agent proposes a runbook action, the card is approved, the proxy runs the script once and the result is posted.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RealProxyApprovalTests : IAsyncLifetime
{
    private const string Approver = "ou_test_approver";

    // Records each run and prints its arguments.
    private const string Runbook = "#!/bin/sh\necho \"$$\" >> \"$HOME/runbook-runs.log\"\nfor a in \"$@\"; do printf 'ARG=%s\\n' \"$a\"; done\n";

    private readonly string _runbooks = Path.Combine(Path.GetTempPath(), "chatops-e2e-runbooks-" + Guid.NewGuid().ToString("N"));
    private QCliProxyHost _proxy = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_runbooks);
        var script = Path.Combine(_runbooks, "restart-api");
        await File.WriteAllTextAsync(script, Runbook);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _proxy = await QCliProxyHost.StartAsync(s => s["QCLI_RUNBOOK_DIR"] = _runbooks);
        // The fake CLI starts the proposal MCP server named here, as the real CLI does from its agent's mcpServers.
        await File.WriteAllLinesAsync(Path.Combine(_proxy.Home, "mcp-proposals"), ["dotnet", Path.Combine(AppContext.BaseDirectory, "QCliProxy.dll"), "mcp-proposals"]);
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        Directory.Delete(_runbooks, recursive: true);
    }

    private int Runs => File.Exists(Path.Combine(_proxy.Home, "runbook-runs.log")) ? File.ReadAllLines(Path.Combine(_proxy.Home, "runbook-runs.log")).Length : 0;

    [Fact]
    public async Task ProposalFromTheAgentIsApprovedExecutedOnceAndTheResultIsInTheThread()
    {
        var lark = await ChatOpsApp.StartLarkAsync();
        await using var app = await ChatOpsApp.StartAsync(
            s =>
            {
                s["QLI_SERVER_ADDRESS"] = _proxy.BaseAddress.ToString();
                s["QCLI_PROXY_SECRET"] = QCliProxyHost.Secret;
                s["QCLI_AWS_PROFILES"] = "prod,uat";
                s["QCLI_PROXY_RETRY_DELAY_MS"] = "10";
                s["OPS_ALLOW_EVERYONE"] = "true";
                s["OPS_APPROVER_IDS"] = $"lark:{Approver}";
                s["CHATOPS_LIVE_REPLIES"] = "false";
            },
            services => services.AddSingleton<IIntentClassifier>(new OpsClassifier()),
            lark);
        await using var _ = app.Lark;
        var question = LarkEvent.Text("""@_user_1 @propose propose_runbook_action {"runbook":"restart-api","action":"restart","arguments":["checkout; rm -rf /"]}""").MentioningBot();

        (await app.SendLarkAsync(question.Build())).Dispose();
        await app.WhenIdleAsync();
        var card = Assert.Single(app.Lark.RepliesTo(question.MessageId), r => r.MsgType == "interactive" && !r.IsAnswer);
        Assert.Contains("checkout; rm -rf /", app.Lark.MessageContent(card.MessageId), StringComparison.Ordinal);
        Assert.Equal(0, Runs);
        var (status, body) = await ApprovalFlowTests.ClickAsync(app, card, Approver, approve: true);
        var again = await ApprovalFlowTests.ClickAsync(app, card, Approver, approve: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Approved.", ApprovalFlowTests.Toast(body), StringComparison.Ordinal);
        Assert.StartsWith("Already decided", ApprovalFlowTests.Toast(again.Body), StringComparison.Ordinal);
        Assert.Equal(1, Runs);
        var result = Assert.Single(app.Lark.RepliesTo(question.MessageId), r => r.IsAnswer && r.Text.Contains("Done: Run runbook restart-api restart", StringComparison.Ordinal));
        Assert.Contains("ARG=restart\nARG=checkout; rm -rf /", result.Text, StringComparison.Ordinal);
        Assert.Contains("Done: Run runbook restart-api restart", app.Lark.MessageContent(card.MessageId), StringComparison.Ordinal);
    }

    private sealed class OpsClassifier : IIntentClassifier
    {
        public Task<IntentResult> ClassifyAsync(IntentRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new IntentResult(Intent.AwsOps, "test"));
    }
}
