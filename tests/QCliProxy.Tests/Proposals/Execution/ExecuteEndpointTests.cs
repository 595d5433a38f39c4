using System.Net;
using ChatOps.Contracts;
using ChatOps.QCliProxy.Proposals.Store;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.QCliProxy.Tests.Proposals.Execution;

// POST /v1/proposals/{id}/execute against the real proxy, the fake Support MCP server and a real runbook script.
public sealed class ExecuteEndpointTests
{
    [Fact]
    public async Task ApprovedSupportCaseIsOpenedOnceWithTheApprovedArgumentsAndProfile()
    {
        await using var proxy = await ProposalProxy.StartAsync();
        var proposal = await ProposeAsync(proxy, ProposalProxy.Propose("propose_support_case", ProposalProxy.SupportCase()));

        var (status, result) = await proxy.ExecuteAsync(proposal.Id, proposal.Hash);
        var (again, repeated) = await proxy.ExecuteAsync(proposal.Id, proposal.Hash);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("done", (string?)result!["status"]);
        var created = Assert.Single(proxy.Cases);
        Assert.Equal((string?)created["caseId"], (string?)result["caseId"]);
        Assert.StartsWith("https://support.console.aws.amazon.com/support/home#/case/?displayId=17", (string?)result["link"], StringComparison.Ordinal);
        Assert.Equal("EC2 instances unreachable", (string?)created["subject"]);
        Assert.Equal("amazon-elastic-compute-cloud-linux", (string?)created["service_code"]);
        Assert.Equal("instance-issue", (string?)created["category_code"]);
        Assert.Equal("high", (string?)created["severity_code"]);
        Assert.Equal("Since 09:40 UTC three instances fail status checks.\nIds: i-0abc, i-0def.", (string?)created["communication_body"]);
        Assert.Equal(["oncall@example.com"], created["cc_email_addresses"]!.AsArray().Select(e => (string?)e));
        Assert.Equal("prod", (string?)created["aws_profile"]);
        Assert.Equal(["profile prod", "profile base"], created["aws_config_profiles"]!.AsArray().Select(e => (string?)e));
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(result.ToJsonString(), repeated!.ToJsonString());
    }

    [Fact]
    public async Task SupportApiErrorIsAFailedResultWithItsMessage()
    {
        await using var proxy = await ProposalProxy.StartAsync();
        var proposal = await ProposeAsync(proxy, ProposalProxy.Propose("propose_support_case", ProposalProxy.SupportCase(subject: "[api-error] please")));

        var (status, result) = await proxy.ExecuteAsync(proposal.Id, proposal.Hash);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("failed", (string?)result!["status"]);
        Assert.Contains("Invalid category code", (string?)result["summary"], StringComparison.Ordinal);
        Assert.Empty(proxy.Cases);
    }

    [Fact]
    public async Task RetryAfterALostResponseGetsTheFirstResultAndRunsNothingAgain()
    {
        await using var proxy = await ProposalProxy.StartAsync();
        var proposal = await ProposeAsync(proxy, ProposalProxy.Propose("propose_runbook_action", new { runbook = "restart-api", action = "hold", arguments = new[] { "checkout" } }));
        using var lost = new CancellationTokenSource();

        var first = proxy.ExecuteAsync(proposal.Id, proposal.Hash, lost.Token);
        await WaitForAsync(() => proxy.RunbookRuns == 1);
        await lost.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var retry = proxy.ExecuteAsync(proposal.Id, proposal.Hash);
        await File.WriteAllTextAsync(Path.Combine(proxy.Home, "release"), "");
        var (status, result) = await retry;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("done", (string?)result!["status"]);
        Assert.Contains("ARG=checkout", (string?)result["output"], StringComparison.Ordinal);
        Assert.Equal(1, proxy.RunbookRuns);
    }

    [Fact]
    public async Task ExecutionThroughTwoInstancesAtOnceRunsOnceAndBothGetItsResult()
    {
        await using var proxy = await ProposalProxy.StartAsync();
        await using var peer = await proxy.StartPeerAsync();
        var proposal = await ProposeAsync(proxy, ProposalProxy.Propose("propose_runbook_action", new { runbook = "restart-api", action = "hold" }));

        var first = proxy.ExecuteAsync(proposal.Id, proposal.Hash);
        await WaitForAsync(() => proxy.RunbookRuns == 1);
        var peerSend = peer.Client.SendAsync(ProposalProxy.ExecuteRequest(proposal.Id, proposal.Hash, secondsAgo: 1));
        // Give the peer's request time to arrive while the runbook holds (an answer before that is an answer from a peer that did not wait).
        await Task.WhenAny(peerSend, Task.Delay(TimeSpan.FromSeconds(1)));
        await File.WriteAllTextAsync(Path.Combine(proxy.Home, "release"), "");
        var (status, result) = await first;
        using var onPeer = await peerSend;
        var peerResult = System.Text.Json.Nodes.JsonNode.Parse(await onPeer.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("done", (string?)result!["status"]);
        Assert.Equal(HttpStatusCode.OK, onPeer.StatusCode);
        Assert.Equal(result.ToJsonString(), peerResult!.ToJsonString());
        Assert.Equal(1, proxy.RunbookRuns);
        Assert.False(File.Exists(Path.Combine(peer.Home, "runbook-runs.log")));
    }

    [Fact]
    public async Task ConcurrentRequestsForOneProposalOpenOneCase()
    {
        await using var proxy = await ProposalProxy.StartAsync();
        var proposal = await ProposeAsync(proxy, ProposalProxy.Propose("propose_support_case", ProposalProxy.SupportCase()));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => proxy.ExecuteAsync(proposal.Id, proposal.Hash)));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(results.Select(r => (string?)r.Result!["caseId"]).Distinct());
        Assert.Single(proxy.Cases);
    }

    [Fact]
    public async Task TamperedHashIsRefusedWith409AndNothingRuns()
    {
        await using var proxy = await ProposalProxy.StartAsync();
        var proposal = await ProposeAsync(proxy, ProposalProxy.Propose("propose_support_case", ProposalProxy.SupportCase()));
        var tampered = proposal with { Fields = [.. proposal.Fields.Select(f => f.Name == "severity_code" ? (f.Name, "critical") : f)] };

        var (status, _) = await proxy.ExecuteAsync(proposal.Id, tampered.Hash);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Empty(proxy.Cases);
        Assert.False(File.Exists(Path.Combine(proxy.StateDir, ".proposals", proposal.Id + ".started")));
    }

    [Theory]
    [InlineData("P-NOSUCHPROPOSAL")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    public async Task UnknownProposalIs404(string id)
    {
        await using var proxy = await ProposalProxy.StartAsync();

        var (status, _) = await proxy.ExecuteAsync(id, new string('0', 64));

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task UnsignedOrReplayedExecuteIs401()
    {
        await using var proxy = await ProposalProxy.StartAsync();
        var proposal = await ProposeAsync(proxy, ProposalProxy.Propose("propose_support_case", ProposalProxy.SupportCase()));
        using var signed = ProposalProxy.ExecuteRequest(proposal.Id, proposal.Hash);
        using var replay = ProposalProxy.ExecuteRequest(proposal.Id, proposal.Hash);
        replay.Headers.Remove(QCliProxySigner.TimestampHeader);
        replay.Headers.Remove(QCliProxySigner.SignatureHeader);
        replay.Headers.Add(QCliProxySigner.TimestampHeader, signed.Headers.GetValues(QCliProxySigner.TimestampHeader));
        replay.Headers.Add(QCliProxySigner.SignatureHeader, signed.Headers.GetValues(QCliProxySigner.SignatureHeader));

        using var unsigned = await proxy.Host.Client.SendAsync(ProposalProxy.ExecuteRequest(proposal.Id, proposal.Hash, secret: null));
        using var wrongSecret = await proxy.Host.Client.SendAsync(ProposalProxy.ExecuteRequest(proposal.Id, proposal.Hash, secret: "not-the-secret"));
        using var first = await proxy.Host.Client.SendAsync(signed);
        using var replayed = await proxy.Host.Client.SendAsync(replay);

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Single(proxy.Cases);
    }

    [Fact]
    public async Task AfterARestartAnApprovalStillExecutesAndARetryGetsTheSameResult()
    {
        await using var proxy = await ProposalProxy.StartAsync();
        var executedBefore = await ProposeAsync(proxy, ProposalProxy.Propose("propose_support_case", ProposalProxy.SupportCase("first")));
        var approvedAfter = await ProposeAsync(proxy, ProposalProxy.Propose("propose_support_case", ProposalProxy.SupportCase("second")));
        var (_, before) = await proxy.ExecuteAsync(executedBefore.Id, executedBefore.Hash);

        await proxy.RestartAsync();
        var (retryStatus, retried) = await proxy.ExecuteAsync(executedBefore.Id, executedBefore.Hash);
        var (laterStatus, later) = await proxy.ExecuteAsync(approvedAfter.Id, approvedAfter.Hash);

        Assert.Equal(HttpStatusCode.OK, retryStatus);
        Assert.Equal(before!.ToJsonString(), retried!.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, laterStatus);
        Assert.Equal("done", (string?)later!["status"]);
        Assert.Equal(["first", "second"], proxy.Cases.Select(c => (string?)c["subject"]));
    }

    [Fact]
    public async Task ExecutionInterruptedByACrashIsNotRunAgain()
    {
        await using var proxy = await ProposalProxy.StartAsync();
        var proposal = await ProposeAsync(proxy, ProposalProxy.Propose("propose_support_case", ProposalProxy.SupportCase()));
        proxy.Host.Services.GetRequiredService<ProposalStore>().MarkStarted(proposal.Id, "lark:ou_approver");

        await proxy.RestartAsync();
        var (status, result) = await proxy.ExecuteAsync(proposal.Id, proposal.Hash);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("failed", (string?)result!["status"]);
        Assert.Contains("outcome is unknown", (string?)result["summary"], StringComparison.Ordinal);
        Assert.Empty(proxy.Cases);
    }

    [Fact]
    public async Task ExpiredProposalIs410()
    {
        await using var proxy = await ProposalProxy.StartAsync(s => s["QCLI_PROPOSAL_HOURS"] = "1");
        var fields = new[] { new QCliProposalField("runbook", "restart-api"), new QCliProposalField("action", "restart") };
        var old = new QCliProposal("P-OLDOLDOLDOLD", QCliProposalKinds.RunbookAction, "Run runbook restart-api restart", fields, null, "lark:c",
            DateTimeOffset.UtcNow.AddHours(-2), QCliProposalHash.Compute("P-OLDOLDOLDOLD", QCliProposalKinds.RunbookAction, null, fields));
        Assert.True(proxy.Host.Services.GetRequiredService<ProposalStore>().TryAdd(old));

        var (status, _) = await proxy.ExecuteAsync(old.Id, old.ArgumentsHash);

        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Equal(0, proxy.RunbookRuns);
    }

    [Fact]
    public async Task RunbookGetsEachArgumentLiterallyWithoutAShell()
    {
        await using var proxy = await ProposalProxy.StartAsync();
        string[] arguments = ["; rm -rf /", "$(touch pwned)", "a b  c", "`id`", "*", "x --help"];
        var proposal = await ProposeAsync(proxy, ProposalProxy.Propose("propose_runbook_action", new { runbook = "restart-api", action = "restart", arguments }));

        var (_, result) = await proxy.ExecuteAsync(proposal.Id, proposal.Hash);

        Assert.Equal("done", (string?)result!["status"]);
        Assert.Equal(0, (int?)result["exitCode"]);
        var lines = ((string?)result["output"])!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["ARG=restart", .. arguments.Select(a => "ARG=" + a), "AWS_PROFILE=prod"], lines[..^1]);
        Assert.StartsWith("UID=", lines[^1], StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(proxy.RunbookDir, "pwned")));
        Assert.False(File.Exists(Path.Combine(proxy.Home, "pwned")));
    }

    [Fact]
    public async Task FailingRunbookReportsItsExitCodeAndScrubbedOutput()
    {
        await using var proxy = await ProposalProxy.StartAsync();
        var proposal = await ProposeAsync(proxy, ProposalProxy.Propose("propose_runbook_action", new { runbook = "restart-api", action = "fail" }));

        var (_, result) = await proxy.ExecuteAsync(proposal.Id, proposal.Hash);

        Assert.Equal("failed", (string?)result!["status"]);
        Assert.Equal(4, (int?)result["exitCode"]);
        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", (string?)result["output"], StringComparison.Ordinal);
        Assert.Contains("[redacted-key-id] leaked", (string?)result["output"], StringComparison.Ordinal);
    }

    [ChatOps.QCliProxy.Tests.Hosting.RootFact]
    public async Task WithRunAsTheRunbookRunsAsTheCliAccount()
    {
        var nobody = ChatOps.QCliProxy.Configuration.UnixAccount.Find("nobody")!;
        await using var proxy = await ProposalProxy.StartAsync(s => s["QCLI_RUN_AS"] = "nobody");
        var fields = new[] { new QCliProposalField("runbook", "restart-api"), new QCliProposalField("action", "restart") };
        var proposal = new QCliProposal("P-RUNASRUNAS1", QCliProposalKinds.RunbookAction, "Run runbook restart-api restart", fields, "uat", "lark:c",
            DateTimeOffset.UtcNow, QCliProposalHash.Compute("P-RUNASRUNAS1", QCliProposalKinds.RunbookAction, "uat", fields));
        Assert.True(proxy.Host.Services.GetRequiredService<ProposalStore>().TryAdd(proposal));

        var (_, result) = await proxy.ExecuteAsync(proposal.Id, proposal.ArgumentsHash);

        Assert.Equal("done", (string?)result!["status"]);
        Assert.Contains("AWS_PROFILE=uat\nUID=" + nobody.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)result["output"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposalsAreDeletedNinetyDaysAfterTheyWereMade()
    {
        await using var proxy = await ProposalProxy.StartAsync();
        var old = await ProposeAsync(proxy, ProposalProxy.Propose("propose_support_case", ProposalProxy.SupportCase("old")));
        var recent = await ProposeAsync(proxy, ProposalProxy.Propose("propose_support_case", ProposalProxy.SupportCase("recent")));
        await proxy.ExecuteAsync(old.Id, old.Hash);
        var store = Path.Combine(proxy.StateDir, ".proposals");
        File.SetLastWriteTimeUtc(Path.Combine(store, old.Id + ".json"), DateTime.UtcNow.AddDays(-91));

        var pruned = proxy.Host.Services.GetRequiredService<ProposalStore>().Prune(DateTime.UtcNow.AddDays(-90));

        Assert.Equal(1, pruned);
        Assert.Equal([recent.Id + ".json"], Directory.GetFiles(store).Select(Path.GetFileName));
        Assert.Equal(HttpStatusCode.NotFound, (await proxy.ExecuteAsync(old.Id, old.Hash)).Status);
    }

    private static async Task<FakeProposal> ProposeAsync(ProposalProxy proxy, string prompt)
    {
        var reply = await proxy.ChatAsync(prompt);
        return Assert.Single(ProposalProxy.Proposals(reply)).Proposal;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}
