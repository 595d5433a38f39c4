using System.Text.RegularExpressions;

namespace ChatOps.QCliProxy.Configuration;

// Cross-setting rules: a secret unless in dev mode, no write-capable tools unless explicitly allowed.
internal static partial class ProxyOptionsRules
{
    public const int MinSecretLength = 16;

    // Tool names (Q Developer CLI and Kiro CLI spellings) that can change the machine or run commands.
    public static readonly IReadOnlySet<string> WriteTools =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "execute_bash", "execute_cmd", "fs_write", "shell", "write", "*" };

    private static readonly IReadOnlySet<string> TrustAllFlags = new HashSet<string>(StringComparer.Ordinal) { "--trust-all-tools", "-a" };

    public static void Check(ProxyOptions o)
    {
        if (o.Secret is null && !o.DevMode)
        {
            o.Errors.Add("QCLI_PROXY_SECRET is required (set QCLI_DEV_MODE=true only for an unauthenticated local run, loopback clients only).");
        }
        else if (o.Secret is { Length: < MinSecretLength })
        {
            o.Errors.Add($"QCLI_PROXY_SECRET must be at least {MinSecretLength} characters (e.g. `openssl rand -hex 32`).");
        }
        else if (o.Secret?.StartsWith("change-me", StringComparison.OrdinalIgnoreCase) == true)
        {
            o.Errors.Add("QCLI_PROXY_SECRET still holds the example value; generate one with `openssl rand -hex 32`.");
        }

        foreach (var tool in o.TrustTools)
        {
            if (!ToolName().IsMatch(tool))
            {
                o.Errors.Add($"QCLI_TRUST_TOOLS has an invalid tool name '{tool}'.");
            }
            else if (WriteTools.Contains(tool) && !o.AllowWriteTools)
            {
                o.Errors.Add($"QCLI_TRUST_TOOLS contains '{tool}', which can change the machine; set QCLI_ALLOW_WRITE_TOOLS=true to allow it.");
            }
        }

        CheckArguments(o);
        CheckAgentAndUser(o);

        foreach (var profile in o.AwsProfiles.Where(p => !ProfileName().IsMatch(p)))
        {
            o.Errors.Add($"QCLI_AWS_PROFILES has an invalid profile name '{profile}'.");
        }

        foreach (var name in o.EnvPassthrough.Where(n => !VariableName().IsMatch(n) || n.StartsWith("QCLI_", StringComparison.OrdinalIgnoreCase)))
        {
            o.Errors.Add($"QCLI_ENV_PASSTHROUGH cannot pass '{name}' (must be a variable name, never a QCLI_ one).");
        }

        CheckStateDirectory(o);
        if (o.Sandbox == SandboxMode.Bwrap && o.BwrapPath is null)
        {
            o.Errors.Add("QCLI_SANDBOX=bwrap, but bwrap is not on PATH: install the bubblewrap package (install.sh does) or set QCLI_SANDBOX=none.");
        }
    }

    // An http(s) URL for an AWS endpoint setting, or null after recording the error.
    public static Uri? Endpoint(List<string> errors, string name, string value)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0)
        {
            return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        }

        errors.Add($"{name} must be an http(s) URL such as http://127.0.0.1:8080/, not '{value}'.");
        return null;
    }

    private static void CheckArguments(ProxyOptions o)
    {
        foreach (var argument in o.Arguments)
        {
            if (TrustAllFlags.Contains(argument) && !o.AllowWriteTools)
            {
                o.Errors.Add($"QCLI_ARGS contains '{argument}', which trusts every tool; set QCLI_ALLOW_WRITE_TOOLS=true to allow it.");
            }
            else if (argument.StartsWith("--trust-tools", StringComparison.Ordinal))
            {
                o.Errors.Add("QCLI_ARGS must not contain --trust-tools; list the tools in QCLI_TRUST_TOOLS.");
            }
            else if (argument.StartsWith("--agent", StringComparison.Ordinal))
            {
                o.Errors.Add("QCLI_ARGS must not contain --agent; name the agent in QCLI_AGENT.");
            }
            else if (argument is "--resume" or "-r")
            {
                o.Errors.Add("QCLI_ARGS must not contain --resume; the proxy adds it when a conversation continues.");
            }
        }
    }

    private static void CheckAgentAndUser(ProxyOptions o)
    {
        if (o.Agent is not null && !AgentName().IsMatch(o.Agent))
        {
            o.Errors.Add($"QCLI_AGENT has an invalid agent name '{o.Agent}' (letters, digits, '-' and '_'; empty = no agent).");
        }

        if (o.RunAs is null)
        {
            return;
        }

        var account = UnixAccount.Find(o.RunAs);
        if (account is null)
        {
            o.Errors.Add($"QCLI_RUN_AS names '{o.RunAs}', which is not an account in /etc/passwd (install.sh creates qcli-agent).");
        }
        else if (account.UserId == 0)
        {
            o.Errors.Add("QCLI_RUN_AS must not be root: the CLI gets its own unprivileged account.");
        }
        else if (string.Equals(account.Name, Environment.UserName, StringComparison.Ordinal))
        {
            o.Errors.Add($"QCLI_RUN_AS is the proxy's own user '{account.Name}'; give the CLI an account of its own.");
        }
        else if (Hosting.ProcessPrivileges.MissingForRunAs() is { Count: > 0 } missing)
        {
            o.Errors.Add($"QCLI_RUN_AS needs {string.Join(", ", missing)} (AmbientCapabilities in qcli-proxy.service).");
        }
    }

    private static void CheckStateDirectory(ProxyOptions o)
    {
        if (!Path.IsPathFullyQualified(o.StateDirectory))
        {
            o.Errors.Add($"QCLI_STATE_DIR must be an absolute path, not '{o.StateDirectory}'.");
            return;
        }

        try
        {
            Directory.CreateDirectory(o.StateDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            o.Errors.Add($"QCLI_STATE_DIR '{o.StateDirectory}' cannot be created: {e.Message}");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_@/.:*-]+$")]
    private static partial Regex ToolName();

    [GeneratedRegex(@"^[A-Za-z0-9_.+-]+$")]
    private static partial Regex ProfileName();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex AgentName();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
