using System.Globalization;
using ChatOps.Contracts;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Proposals.Store;
using ChatOps.QCliProxy.Running;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.QCliProxy.Tests.Proposals.Execution;

// The third-party AWS Support MCP server runs as the CLI's account (QCLI_RUN_AS), never as the proxy's user.
public sealed class SupportServerRunAsTests
{
    [ChatOps.QCliProxy.Tests.Hosting.RootFact]
    public async Task WithRunAsTheSupportServerRunsAsTheCliAccount()
    {
        var nobody = UnixAccount.Find("nobody")!;
        var folder = Path.Combine(Path.GetTempPath(), "qcli-proxy-tests", "support-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        var server = Path.Combine(folder, "support-server");
        // A stand-in that records who it runs as and what it was given, then leaves without speaking MCP.
        await File.WriteAllTextAsync(server, $"#!/bin/sh\nid -u > {folder}/uid\nprintf '%s' \"$HOME\" > {folder}/home\nenv | cut -d= -f1 > {folder}/env\nexit 3\n");
        File.SetUnixFileMode(server, (UnixFileMode)0b111_101_101);
        await using var proxy = await ProposalProxy.StartAsync(s =>
        {
            s["QCLI_RUN_AS"] = "nobody";
            s["QCLI_SUPPORT_MCP_COMMAND"] = server;
        });
        var proposal = Stored(proxy);

        var (_, result) = await proxy.ExecuteAsync(proposal.Id, proposal.ArgumentsHash);

        Assert.Equal("failed", (string?)result!["status"]);
        Assert.Equal(nobody.UserId.ToString(CultureInfo.InvariantCulture), (await File.ReadAllTextAsync(Path.Combine(folder, "uid"))).Trim());
        Assert.Equal(nobody.Home, await File.ReadAllTextAsync(Path.Combine(folder, "home")));
        Assert.DoesNotContain("KIRO_API_KEY", await File.ReadAllLinesAsync(Path.Combine(folder, "env")));
        Directory.Delete(folder, recursive: true);
    }

    private static QCliProposal Stored(ProposalProxy proxy)
    {
        QCliProposalField[] fields =
        [
            new("subject", "EC2 unreachable"), new("service_code", "amazon-elastic-compute-cloud-linux"),
            new("category_code", "instance-issue"), new("severity_code", "low"), new("communication_body", "since 09:40"),
        ];
        var proposal = new QCliProposal("P-SUPPORTRUNAS1", QCliProposalKinds.SupportCase, "Open an AWS Support case (low): EC2 unreachable", fields, "uat", "lark:c",
            DateTimeOffset.UtcNow, QCliProposalHash.Compute("P-SUPPORTRUNAS1", QCliProposalKinds.SupportCase, "uat", fields));
        Assert.True(proxy.Host.Services.GetRequiredService<ProposalStore>().TryAdd(proposal));
        return proposal;
    }
}
