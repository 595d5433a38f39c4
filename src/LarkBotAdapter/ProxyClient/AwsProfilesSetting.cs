namespace ChatOps.LarkBotAdapter.ProxyClient;

// QCLI_AWS_PROFILES, read once for both readers: the classifiers (which profile a question names) and QCliProxyOptions
// (which checks the names when the proxy is configured).
public static class AwsProfilesSetting
{
    public const string Name = "QCLI_AWS_PROFILES";

    // Comma-separated, trimmed, duplicates (ignoring case) dropped; unset or blank is an empty list.
    public static string[] From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Name];
        return string.IsNullOrWhiteSpace(value)
            ? []
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToArray();
    }
}
