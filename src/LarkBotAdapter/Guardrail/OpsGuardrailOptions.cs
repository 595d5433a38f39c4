using System.Text.RegularExpressions;
using ChatOps.Settings;

namespace ChatOps.LarkBotAdapter.Guardrail;

// The Bedrock guardrail applied to ops answers: OPS_GUARDRAIL_ID and OPS_GUARDRAIL_VERSION
// (both or neither).
public sealed partial class OpsGuardrailOptions : IHasSettingErrors
{
    // The guardrail's id or ARN.
    public string Id { get; private set; } = string.Empty;

    // A version number or DRAFT.
    public string Version { get; private set; } = string.Empty;

    // Problems found while loading, each naming the variable to fix.
    public IReadOnlyList<string> Errors { get; private set; } = [];

    // Whether either variable is set (then both must be valid).
    public static bool IsRequested(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OPS_GUARDRAIL_ID"]) || !string.IsNullOrWhiteSpace(configuration["OPS_GUARDRAIL_VERSION"]);

    public void Load(IConfiguration configuration)
    {
        var errors = new List<string>();
        Id = configuration["OPS_GUARDRAIL_ID"]?.Trim() ?? string.Empty;
        Version = configuration["OPS_GUARDRAIL_VERSION"]?.Trim() ?? string.Empty;
        if (Id.Length == 0)
        {
            errors.Add("OPS_GUARDRAIL_ID is not set, but OPS_GUARDRAIL_VERSION is: set both (the guardrail's id and version) or neither.");
        }
        else if (!GuardrailId().IsMatch(Id))
        {
            errors.Add("OPS_GUARDRAIL_ID must be a Bedrock guardrail id (e.g. gr4abc123xyz) or its ARN.");
        }
        if (Version.Length == 0)
        {
            errors.Add("OPS_GUARDRAIL_VERSION is not set, but OPS_GUARDRAIL_ID is: set the guardrail's version (a number, or DRAFT).");
        }
        else if (!GuardrailVersion().IsMatch(Version))
        {
            errors.Add("OPS_GUARDRAIL_VERSION must be a version number (1, 2, …) or DRAFT.");
        }
        Errors = errors;
    }

    [GeneratedRegex(@"^(?:[a-z0-9]{1,64}|arn:aws(?:-[a-z]+)*:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/[a-z0-9]{1,64})$")]
    private static partial Regex GuardrailId();

    [GeneratedRegex("^(?:[1-9][0-9]{0,7}|DRAFT)$")]
    private static partial Regex GuardrailVersion();
}
