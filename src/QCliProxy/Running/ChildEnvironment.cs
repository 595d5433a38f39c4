using ChatOps.QCliProxy.Aws;
using ChatOps.QCliProxy.Configuration;

namespace ChatOps.QCliProxy.Running;

// The CLI's environment: an allow-list copied from the proxy's, never a QCLI_ variable nor any value containing
// the proxy secret, never the proxy's own AWS credentials or profile choice; then the run's one-profile AWS files,
// AWS_PROFILE for the request, and settings that keep output plain.
internal sealed class ChildEnvironment(ProxyOptions options, ParentEnvironment parent)
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "TZ", "TMPDIR",
        "SSL_CERT_FILE", "SSL_CERT_DIR", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
        "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR",
        "KIRO_API_KEY",
    };

    // Each of these would let the run use credentials or profiles other than the one it was given.
    private static readonly HashSet<string> AwsDenied = new(StringComparer.Ordinal)
    {
        "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE",
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN",
        "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME",
    };

    // An approved action (a runbook, the AWS Support MCP server) is not the CLI: it gets none of the CLI's own
    // credentials or folders, even when QCLI_ENV_PASSTHROUGH lists them.
    private static readonly HashSet<string> CliOnly = new(StringComparer.Ordinal)
    {
        "KIRO_API_KEY", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR",
    };

    private static readonly string[] Prefixes = ["AWS_", "LC_"];

    // The CLI's environment.
    public Dictionary<string, string> Build(AwsRunFiles? aws) => Build(aws, forAction: false);

    // The environment of an approved action: the CLI's allow-list without the CLI-only names.
    public Dictionary<string, string> BuildForAction(AwsRunFiles? aws) => Build(aws, forAction: true);

    private Dictionary<string, string> Build(AwsRunFiles? aws, bool forAction)
    {
        var child = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parent.Variables)
        {
            if (Allowed(name) && !IsSecret(value) && !(forAction && CliOnly.Contains(name)))
            {
                child[name] = value;
            }
        }

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
        return child;
    }

    private bool Allowed(string name) =>
        !name.StartsWith("QCLI_", StringComparison.OrdinalIgnoreCase)
        && !AwsDenied.Contains(name)
        && (Names.Contains(name) || options.EnvPassthrough.Contains(name, StringComparer.Ordinal)
            || Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)));

    private bool IsSecret(string value) => options.Secret is { } secret && value.Contains(secret, StringComparison.Ordinal);
}
