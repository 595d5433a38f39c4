using System.Text.Json.Serialization;

namespace ChatOps.QCliProxy.Proposals.Rules;

// What a proposal tool was called with, as the MCP server writes it to the run's spool. The proxy trusts none of it:
// it validates it again with ProposalRules and takes the profile and conversation from the run, not from the file.
internal sealed record ProposalRequest(
    string? Id,
    string? Kind,
    string? Subject = null,
    string? ServiceCode = null,
    string? CategoryCode = null,
    string? SeverityCode = null,
    string? CommunicationBody = null,
    IReadOnlyList<string>? CcEmails = null,
    string? Runbook = null,
    string? Action = null,
    IReadOnlyList<string>? Arguments = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProposalRequest))]
internal sealed partial class ProposalJsonContext : JsonSerializerContext;
