using ChatOps.OpsAgent.Aws;
using ChatOps.OpsAgent.Running;
using ChatOps.QCliProxy.Configuration;

namespace ChatOps.QCliProxy.Running;

// The CLI's environment: an allow-list copied from the proxy's, never a QCLI_ variable nor any value containing
// the proxy secret, never the proxy's own AWS credentials or profile choice; then the run's one-profile AWS files,
// AWS_PROFILE for the request, and settings that keep output plain.
internal sealed class ChildEnvironment(ProxyOptions options, ParentEnvironment parent)
{
    // An approved action (a runbook, the AWS Support MCP server) is not the CLI: it gets none of the CLI's own
    // credentials or folders, even when QCLI_ENV_PASSTHROUGH lists them.
    private static readonly HashSet<string> CliOnly = new(StringComparer.Ordinal)
    {
        "KIRO_API_KEY", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR",
    };

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

        CliVariables.AddRunSettings(child, aws);
        return child;
    }

    private bool Allowed(string name) => CliVariables.Allowed(name, options.EnvPassthrough);

    private bool IsSecret(string value) => options.Secret is { } secret && value.Contains(secret, StringComparison.Ordinal);
}
