using ChatOps.OpsAgent.Aws;

namespace ChatOps.OpsAgent.Running;

// Which of the parent's variables the CLI may see: an allow-list of names and prefixes, never a QCLI_ variable, and
// never one that would let the run use credentials or profiles other than the one it was given.
internal static class CliVariables
{
    public static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "TZ", "TMPDIR",
        "SSL_CERT_FILE", "SSL_CERT_DIR", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
        "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR",
        "KIRO_API_KEY",
    };

    // Each of these would let the run use credentials or profiles other than the one it was given.
    public static readonly HashSet<string> AwsDenied = new(StringComparer.Ordinal)
    {
        "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE",
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN",
        "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME",
    };

    private static readonly string[] Prefixes = ["AWS_", "LC_"];

    // passthrough: further names the operator listed (QCLI_ENV_PASSTHROUGH on the proxy).
    public static bool Allowed(string name, IEnumerable<string> passthrough) =>
        !name.StartsWith("QCLI_", StringComparison.OrdinalIgnoreCase)
        && !AwsDenied.Contains(name)
        && (Names.Contains(name) || passthrough.Contains(name, StringComparer.Ordinal)
            || Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)));

    // The run's one-profile AWS files, AWS_PROFILE for the run, and settings that keep output plain.
    public static void AddRunSettings(Dictionary<string, string> child, AwsRunFiles? aws)
    {
        if (aws is not null)
        {
            child["AWS_CONFIG_FILE"] = aws.ConfigFile;
            child["AWS_SHARED_CREDENTIALS_FILE"] = aws.CredentialsFile;
            if (aws.Profile is not null)
            {
                child["AWS_PROFILE"] = aws.Profile;
            }
        }

        child["NO_COLOR"] = "1";
        child["TERM"] = "dumb";
        child["AWS_PAGER"] = "";
    }
}
