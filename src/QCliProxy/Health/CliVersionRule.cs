using System.Globalization;
using System.Text.RegularExpressions;
using ChatOps.QCliProxy.Configuration;

namespace ChatOps.QCliProxy.Health;

// The oldest CLI /healthz accepts. Before Q CLI 1.14.1 an agent's toolsSettings (the shell's allowedCommands,
// use_aws deniedServices, fs_read deniedPaths) applied only to tools listed in allowedTools, and the deploy kit's
// agents list none, so their limits were ignored. Kiro CLI has no such floor: its releases continue from Q CLI 1.19.
internal static partial class CliVersionRule
{
    // Source: aws/amazon-q-developer-cli #2619 "fix(agent): tool permission", first released in tag v1.14.1.
    public static readonly Version MinimumQ = new(1, 14, 1);

    // Null when the version is acceptable or cannot be read; otherwise why the CLI is refused.
    public static string? Problem(CliFlavor flavor, string? versionLine)
    {
        if (flavor != CliFlavor.QDeveloper || versionLine is null || VersionPattern().Match(versionLine) is not { Success: true } match)
        {
            return null;
        }

        var version = new Version(
            int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
        return version >= MinimumQ
            ? null
            : $"Q CLI {version} is older than {MinimumQ}, the first that applies the agent's toolsSettings to tools not listed "
              + "in allowedTools; upgrade the CLI named by QCLI_COMMAND";
    }

    [GeneratedRegex(@"(?<![0-9.])([0-9]{1,6})\.([0-9]{1,6})\.([0-9]{1,6})")]
    private static partial Regex VersionPattern();
}
