using ChatOps.OpsAgent.Aws;
namespace ChatOps.QCliProxy.Aws;

// The roles the proxy assumes for a profile (QCLI_VEND_CREDENTIALS): a profile with role_arn whose credentials come
// from the instance (credential_source = Ec2InstanceMetadata), directly or through source_profile links that end there.
internal static class RoleChain
{
    public const string InstanceSource = "Ec2InstanceMetadata";

    private const int MaxChain = 8;

    // Keys that tell the CLI's SDK where to get credentials; a vended profile's run copy has none of them.
    public static readonly IReadOnlySet<string> SourceKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "role_arn", "credential_source", "source_profile", "external_id", "duration_seconds", "role_session_name", "mfa_serial",
    };

    // The AssumeRole steps, the one made with the instance's keys first; null when the profile is not built that way
    // (static keys, SSO, a web identity…): then its files are cut unchanged and the CLI's SDK resolves it.
    public static IReadOnlyList<RoleStep>? Steps(IniFile config, IniFile credentials, string profile)
    {
        var steps = new List<RoleStep>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var name = profile; seen.Add(name) && seen.Count <= MaxChain;)
        {
            if (AwsProfileFiles.ProfileSection(config, name).Lines is not { } lines || credentials.Section(name) is not null)
            {
                return null;
            }

            if (IniFile.Value(lines, "role_arn") is { Length: > 0 } role)
            {
                steps.Insert(0, new RoleStep(role, Nonempty(IniFile.Value(lines, "external_id")), Duration(lines)));
            }

            if (string.Equals(IniFile.Value(lines, "credential_source"), InstanceSource, StringComparison.OrdinalIgnoreCase))
            {
                return steps.Count > 0 ? steps : null;
            }

            if (IniFile.Value(lines, "role_arn") is not { Length: > 0 } || IniFile.Value(lines, "source_profile") is not { Length: > 0 } source)
            {
                return null;
            }

            name = source;
        }

        return null;
    }

    // The profile's lines without the keys that name a credential source.
    public static IReadOnlyList<string> WithoutSource(IReadOnlyList<string> lines) =>
        lines.Where(line => line.Length == 0 || char.IsWhiteSpace(line[0]) || !SourceKeys.Contains(line.Split('=', 2)[0].Trim())).ToList();

    private static int? Duration(IReadOnlyList<string> lines) =>
        int.TryParse(IniFile.Value(lines, "duration_seconds"), System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : null;

    private static string? Nonempty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
