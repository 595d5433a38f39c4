using ChatOps.QCliProxy.Configuration;

namespace ChatOps.QCliProxy.Running;

/// <summary>
/// The CLI's environment: an allow-list copied from the proxy's, never a <c>QCLI_</c> variable nor any value equal to
/// the proxy secret, plus <c>AWS_PROFILE</c> for the request and settings that keep output plain.
/// </summary>
internal sealed class ChildEnvironment(ProxyOptions options, ParentEnvironment parent)
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "TZ", "TMPDIR",
        "SSL_CERT_FILE", "SSL_CERT_DIR", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
        "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR",
    };

    private static readonly string[] Prefixes = ["AWS_", "LC_"];

    public Dictionary<string, string> Build(string? awsProfile)
    {
        var child = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parent.Variables)
        {
            if (Allowed(name) && !IsSecret(value))
            {
                child[name] = value;
            }
        }

        if (awsProfile is not null)
        {
            child["AWS_PROFILE"] = awsProfile;
        }

        child["NO_COLOR"] = "1";
        child["TERM"] = "dumb";
        child["AWS_PAGER"] = "";
        return child;
    }

    private bool Allowed(string name) =>
        !name.StartsWith("QCLI_", StringComparison.OrdinalIgnoreCase)
        && (Names.Contains(name) || options.EnvPassthrough.Contains(name, StringComparer.Ordinal)
            || Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)));

    private bool IsSecret(string value) => options.Secret is { } secret && value.Contains(secret, StringComparison.Ordinal);
}
