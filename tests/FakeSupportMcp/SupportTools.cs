using System.ComponentModel;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Server;

namespace ChatOps.FakeSupportMcp;

/// <summary>
/// The tools of awslabs.aws-support-mcp-server that the proxy and the agent configuration name, with the real server's
/// argument names and answers: create_support_case answers {"caseId","status":"success","message"}, or
/// {"status":"error","message","status_code"} as the real one does for an API error (here: a subject containing
/// "[api-error]"). Each created case is appended as one JSON line to $HOME/support-cases.log, with the AWS profile
/// and the profiles its AWS files hold, so tests can count cases and see which credentials were used.
/// </summary>
[McpServerToolType]
public sealed class SupportTools
{
    private static string Log => Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? ".", "support-cases.log");

    [McpServerTool(Name = "create_support_case", UseStructuredContent = true)]
    [Description("Create a new AWS Support case.")]
    public static JsonObject CreateSupportCase(
        string subject,
        string service_code,
        string category_code,
        string severity_code,
        string communication_body,
        string[]? cc_email_addresses = null,
        string language = "en",
        string issue_type = "technical",
        string? attachment_set_id = null)
    {
        if (subject.Contains("[api-error]", StringComparison.Ordinal))
        {
            return new JsonObject { ["status"] = "error", ["message"] = "AWS Support API error: Invalid category code", ["status_code"] = 400 };
        }

        var caseId = "case-111111111111-2026-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var record = new JsonObject
        {
            ["caseId"] = caseId,
            ["subject"] = subject,
            ["service_code"] = service_code,
            ["category_code"] = category_code,
            ["severity_code"] = severity_code,
            ["communication_body"] = communication_body,
            ["cc_email_addresses"] = cc_email_addresses is null ? null : new JsonArray(cc_email_addresses.Select(e => (JsonNode?)e).ToArray()),
            ["language"] = language,
            ["issue_type"] = issue_type,
            ["aws_profile"] = Environment.GetEnvironmentVariable("AWS_PROFILE"),
            ["aws_config_profiles"] = Sections(Environment.GetEnvironmentVariable("AWS_CONFIG_FILE")),
        };
        File.AppendAllText(Log, record.ToJsonString() + "\n");
        return new JsonObject { ["caseId"] = caseId, ["status"] = "success", ["message"] = $"Support case created successfully with ID: {caseId}" };
    }

    [McpServerTool(Name = "describe_support_cases", UseStructuredContent = true)]
    [Description("Retrieve information about support cases.")]
    public static JsonObject DescribeSupportCases(
        string[]? case_id_list = null,
        string? display_id = null,
        string? after_time = null,
        string? before_time = null,
        bool include_resolved_cases = false,
        bool include_communications = true,
        string language = "en",
        int? max_results = null,
        string? next_token = null,
        string format = "json")
    {
        var cases = new JsonArray();
        foreach (var line in File.Exists(Log) ? File.ReadAllLines(Log) : [])
        {
            var record = JsonNode.Parse(line)!;
            var id = (string)record["caseId"]!;
            if (case_id_list is null || case_id_list.Contains(id))
            {
                cases.Add(new JsonObject { ["caseId"] = id, ["displayId"] = "17" + id[^8..], ["subject"] = (string?)record["subject"], ["status"] = "opened" });
            }
        }

        return new JsonObject { ["cases"] = cases, ["nextToken"] = null };
    }

    [McpServerTool(Name = "describe_services")]
    [Description("Retrieve information about AWS services available for support cases.")]
    public static string DescribeServices(string[]? service_code_list = null, string language = "en", string format = "json") =>
        JsonSerializer.Serialize(new { amazon_elastic_compute_cloud_linux = new { name = "Amazon Elastic Compute Cloud (Linux)" } });

    [McpServerTool(Name = "describe_severity_levels")]
    [Description("Retrieve information about AWS Support severity levels.")]
    public static string DescribeSeverityLevels(string format = "json") => "[\"low\",\"normal\",\"high\",\"urgent\",\"critical\"]";

    private static JsonArray Sections(string? file)
    {
        var sections = new JsonArray();
        if (file is not null && File.Exists(file))
        {
            foreach (var line in File.ReadAllLines(file).Where(l => l.StartsWith('[')))
            {
                sections.Add(line.Trim('[', ']'));
            }
        }

        return sections;
    }
}
