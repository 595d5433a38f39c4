using System.Net;
using System.Text.Json.Nodes;
using ChatOps.QCliProxy.Proposals.Capture;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.QCliProxy.Tests.Proposals;

// The agent proposes through the real `mcp-proposals` server started by the fake CLI; the proxy reports it as a
// protocol-2 line and keeps it for the execute endpoint.
public sealed class ProposalFlowTests
{
    [Fact]
    public async Task ValidProposalIsRecordedAndSentAsAProposalLineToAProtocol2Client()
    {
        await using var proxy = await ProposalProxy.StartAsync();

        var reply = await proxy.ChatAsync(ProposalProxy.Propose("propose_support_case", ProposalProxy.SupportCase()));

        Assert.Equal("done", reply.Terminal.Type);
        var (line, proposal) = Assert.Single(ProposalProxy.Proposals(reply));
        Assert.Matches("^P-[A-Za-z0-9]+$", proposal.Id);
        Assert.Contains($"proposal {proposal.Id} recorded; a person must approve it in the chat thread", reply.Seen("TOOL_RESULT"), StringComparison.Ordinal);
        Assert.Equal("support_case", proposal.Kind);
        Assert.Equal("prod", proposal.Profile);
        Assert.Equal(QCliProxyHost.DefaultConversation, proposal.ConversationId);
        Assert.Equal(
            [
                ("subject", "EC2 instances unreachable"),
                ("service_code", "amazon-elastic-compute-cloud-linux"),
                ("category_code", "instance-issue"),
                ("severity_code", "high"),
                ("communication_body", "Since 09:40 UTC three instances fail status checks.\nIds: i-0abc, i-0def."),
                ("cc_email 1", "oncall@example.com"),
            ],
            proposal.Fields);
        Assert.Equal(proposal.Hash, (string?)line["proposal"]!["argumentsHash"]);
        Assert.Equal(["type", "proposal"], line.AsObject().Select(p => p.Key));
        Assert.True(File.Exists(Path.Combine(proxy.StateDir, ".proposals", proposal.Id + ".json")));
    }

    [Fact]
    public async Task Version1ClientGetsNoProposalLine()
    {
        await using var proxy = await ProposalProxy.StartAsync();

        var reply = await proxy.ChatAsync(ProposalProxy.Propose("propose_support_case", ProposalProxy.SupportCase()), protocol2: false);

        Assert.Equal("done", reply.Terminal.Type);
        Assert.Contains("recorded", reply.Seen("TOOL_RESULT"), StringComparison.Ordinal);
        Assert.All(reply.Lines, l => Assert.Contains(l.Type, new[] { "chunk", "done" }));
    }

    [Fact]
    public async Task ProposalLineArrivesWhileTheCliIsStillRunning()
    {
        await using var proxy = await ProposalProxy.StartAsync();
        var release = Path.Combine(proxy.Home, "release-cli");
        using var stream = await proxy.OpenChatAsync(
            $"@propose-wait {release} propose_runbook_action " + """{"runbook":"restart-api","action":"restart","arguments":["checkout"]}""");

        StreamLine? line;
        do
        {
            line = await stream.NextAsync();
        }
        while (line is { Type: "chunk" });

        // The fake cannot exit before the release file exists, so the proposal was sent during the run.
        Assert.Equal("proposal", line?.Type);
        await File.WriteAllTextAsync(release, "");
        var rest = await stream.RestAsync();
        Assert.Equal("done", rest[^1].Type);
        Assert.DoesNotContain(rest, l => l.Type == "proposal");
    }

    [Theory]
    [InlineData("propose_support_case", """{"subject":"x","service_code":"amazon-elastic-compute-cloud-linux","category_code":"instance-issue","severity_code":"sev1","communication_body":"b"}""", "severity_code must be one of low, normal, high, urgent, critical")]
    [InlineData("propose_support_case", """{"subject":"x","service_code":"amazon-made-up","category_code":"other","severity_code":"low","communication_body":"b"}""", "service_code 'amazon-made-up' is not in the AWS Support service list")]
    [InlineData("propose_support_case", """{"subject":"x","service_code":"amazon-simple-storage-service","category_code":"instance-issue","severity_code":"low","communication_body":"b"}""", "is not a category of amazon-simple-storage-service")]
    [InlineData("propose_support_case", """{"subject":"x","service_code":"amazon-elastic-compute-cloud-linux","category_code":"other","severity_code":"low","communication_body":"b","cc_emails":["not an address"]}""", "is not an email address")]
    [InlineData("propose_runbook_action", """{"runbook":"../../bin/sh","action":"run"}""", "no path")]
    [InlineData("propose_runbook_action", """{"runbook":"notes.txt","action":"run"}""", "is not executable")]
    [InlineData("propose_runbook_action", """{"runbook":"drop-db","action":"run"}""", "there is no runbook 'drop-db'; available: notes.txt, restart-api")]
    [InlineData("propose_runbook_action", """{"runbook":"restart-api","action":"restart; reboot"}""", "action must be one word")]
    [InlineData("propose_runbook_action", """{"runbook":"restart-api","action":"restart","arguments":["a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p","q"]}""", "at most 16 arguments")]
    public async Task InvalidProposalIsAToolErrorAndNothingIsStored(string tool, string arguments, string why)
    {
        await using var proxy = await ProposalProxy.StartAsync();

        var reply = await proxy.ChatAsync($"@propose {tool} {arguments}");

        var result = JsonNode.Parse(reply.Seen("TOOL_RESULT")!)!["result"]!;
        Assert.True((bool?)result["isError"]);
        Assert.Contains(why, (string?)result["content"]![0]!["text"], StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Lines, l => l.Type == "proposal");
        var store = Path.Combine(proxy.StateDir, ".proposals");
        Assert.False(Directory.Exists(store) && Directory.EnumerateFiles(store).Any());
    }

    [Fact]
    public async Task WithoutASavedServiceListNoSupportCaseCanBeProposed()
    {
        await using var proxy = await ProposalProxy.StartAsync(s => s["QCLI_SUPPORT_SERVICES_FILE"] = "");

        var reply = await proxy.ChatAsync(ProposalProxy.Propose("propose_support_case", ProposalProxy.SupportCase()));

        var result = JsonNode.Parse(reply.Seen("TOOL_RESULT")!)!["result"]!;
        Assert.True((bool?)result["isError"]);
        Assert.Contains("this proxy has no AWS Support service list", (string?)result["content"]![0]!["text"], StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Lines, l => l.Type == "proposal");
    }

    [Fact]
    public async Task SpoolFileTheToolDidNotWriteIsValidatedAgainAndTakesTheRunsProfile()
    {
        await using var proxy = await ProposalProxy.StartAsync();
        var spool = proxy.Host.Services.GetRequiredService<ChatOps.QCliProxy.Proposals.Capture.ProposalSpool>();
        using var run = spool.Create("lark:oc_x:om_y", "uat");
        await File.WriteAllTextAsync(Path.Combine(run.Path, "P-AAAAAAAAAAAA.json"), """{"id":"P-AAAAAAAAAAAA","kind":"runbook_action","runbook":"../../../bin/rm","action":"run"}""");
        await File.WriteAllTextAsync(Path.Combine(run.Path, "P-BBBBBBBBBBBB.json"), "not json");
        await File.WriteAllTextAsync(Path.Combine(run.Path, "P-CCCCCCCCCCCC.json"), """{"id":"P-DDDDDDDDDDDD","kind":"runbook_action","runbook":"restart-api","action":"run"}""");
        await File.WriteAllTextAsync(Path.Combine(run.Path, "P-EEEEEEEEEEEE.json"), """{"id":"P-EEEEEEEEEEEE","kind":"runbook_action","runbook":"restart-api","action":"run","profile":"admin"}""");

        var taken = spool.Take(run);

        var proposal = Assert.Single(taken);
        Assert.Equal("P-EEEEEEEEEEEE", proposal.Id);
        Assert.Equal("uat", proposal.Profile);
        Assert.Equal("lark:oc_x:om_y", proposal.ConversationId);
        Assert.Empty(spool.Take(run));
    }
}
