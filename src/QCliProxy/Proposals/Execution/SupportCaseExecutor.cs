using System.Text.Json.Nodes;
using System.Text.Json;
using ChatOps.Contracts;
using ChatOps.OpsAgent.Aws;
using ChatOps.QCliProxy.Aws;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Proposals;
using ChatOps.QCliProxy.Running;
using ChatOps.QCliProxy.Security;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol;

namespace ChatOps.QCliProxy.Proposals.Execution;

// Opens an approved support case through the AWS Support MCP server (awslabs.aws-support-mcp-server), called by the
// proxy as an MCP client with exactly the approved arguments and the approved profile's AWS files, the server running
// as the CLI's account (SupportServerProcess); the model never gets create_support_case. The server answers {"caseId","status":"success","message"} or {"status":"error","message"}.
internal sealed class SupportCaseExecutor(
    ProposalOptions proposalOptions, ProxyOptions options, ChildEnvironment environment, CliUser user, TimeProvider time, ILogger<SupportCaseExecutor> logger)
{
    public const string CreateTool = "create_support_case";
    public const string DescribeTool = "describe_support_cases";
    public const string CaseHistoryLink = "https://support.console.aws.amazon.com/support/home#/case/history";

    // Covers a first `uvx` run that downloads the server.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(3);

    public async Task<QCliExecuteResult> ExecuteAsync(QCliProposal proposal, AwsRunFiles aws, CancellationToken ct)
    {
        var command = proposalOptions.SupportMcpCommand;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CallTimeout);
        JsonObject? answer;
        McpClient? client = null;
        SupportServerProcess? server = null;
        try
        {
            server = SupportServerProcess.Start(command, environment.BuildForAction(aws), aws.Folder, user);
            client = await McpClient.CreateAsync(server.Transport, cancellationToken: timeout.Token);
            var result = await client.CallToolAsync(CreateTool, Arguments(proposal), cancellationToken: timeout.Token);
            answer = Answer(result);
            if (result.IsError == true || answer?["status"]?.GetValue<string>() != "success" || answer["caseId"]?.GetValue<string>() is not { Length: > 0 } caseId)
            {
                var message = answer?["message"]?.ToString() ?? Text(result) ?? "no message";
                Log.SupportCaseRefused(logger, proposal.Id);
                return Failed("the AWS Support API did not open the case: " + ResultScrubber.Scrub(message, options.Secret));
            }

            var link = await LinkAsync(client, caseId, timeout.Token);
            return new QCliExecuteResult(QCliExecuteResult.Done, $"AWS Support case {caseId} opened", caseId, link, null, null, time.GetUtcNow());
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A call cut off after it was sent may still have opened the case: say so rather than offer a retry.
            Log.SupportServerFailed(logger, proposal.Id, string.Join(' ', command), e);
            return Failed(
                $"the AWS Support MCP server ({command[0]}) failed ({e.GetType().Name}); whether the case was opened is unknown: check the Support Center before proposing it again");
        }
        finally
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }

            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    // The approved fields, under the tool's own argument names.
    private static Dictionary<string, object?> Arguments(QCliProposal proposal)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in new[] { "subject", "service_code", "category_code", "severity_code", "communication_body" })
        {
            arguments[name] = proposal.Fields.First(f => f.Name == name).Value;
        }

        var cc = proposal.Fields.Where(f => f.Name.StartsWith("cc_email ", StringComparison.Ordinal)).Select(f => f.Value).ToArray();
        if (cc.Length > 0)
        {
            arguments["cc_email_addresses"] = cc;
        }

        return arguments;
    }

    // The case's display id makes a direct console link; without it, the case list.
    private static async Task<string> LinkAsync(McpClient client, string caseId, CancellationToken ct)
    {
        try
        {
            var result = await client.CallToolAsync(
                DescribeTool,
                new Dictionary<string, object?> { ["case_id_list"] = new[] { caseId }, ["include_communications"] = false },
                cancellationToken: ct);
            var displayId = Answer(result)?["cases"]?.AsArray().FirstOrDefault()?["displayId"]?.GetValue<string>();
            return displayId is { Length: > 0 }
                ? "https://support.console.aws.amazon.com/support/home#/case/?displayId=" + Uri.EscapeDataString(displayId)
                : CaseHistoryLink;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return CaseHistoryLink;
        }
    }

    // The tool's dict result: structured content, or the JSON text of the first text block.
    private static JsonObject? Answer(CallToolResult result)
    {
        try
        {
            if (result.StructuredContent is { } structured)
            {
                var node = JsonSerializer.SerializeToNode(structured, McpJsonUtilities.DefaultOptions.GetTypeInfo(structured.GetType()));
                return node as JsonObject ?? node?["result"] as JsonObject;
            }

            return Text(result) is { } text ? JsonNode.Parse(text) as JsonObject : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static string? Text(CallToolResult result) => result.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text;

    private QCliExecuteResult Failed(string summary) => QCliExecuteResult.Failure(summary, time.GetUtcNow());
}
