using ChatOps.Settings;

namespace ChatOps.Metrics;

// CHATOPS_METRICS (emf|off; the default is the program's) and CHATOPS_METRICS_NAMESPACE (default ChatOps), read the
// same way by both programs.
internal sealed class MetricsSettings : IHasSettingErrors
{
    public const string DefaultNamespace = "ChatOps";

    private readonly List<string> _errors = [];

    public bool Enabled { get; private set; }

    public string Namespace { get; private set; } = DefaultNamespace;

    public IReadOnlyList<string> Errors => _errors;

    public void Load(IConfiguration configuration, bool enabledByDefault)
    {
        var reader = new SettingReader(configuration, _errors);
        Enabled = reader.Choice("CHATOPS_METRICS", enabledByDefault ? MetricsMode.Emf : MetricsMode.Off) == MetricsMode.Emf;
        var ns = reader.Text("CHATOPS_METRICS_NAMESPACE") ?? DefaultNamespace;
        if (ns.Length > 255 || ns.StartsWith("AWS/", StringComparison.OrdinalIgnoreCase) || !ns.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or '#' or ':' or ' '))
        {
            _errors.Add($"CHATOPS_METRICS_NAMESPACE must be a CloudWatch namespace (up to 255 letters, digits and . - _ / # : or space, not starting with AWS/), not '{ns}'.");
            ns = DefaultNamespace;
        }

        Namespace = ns;
    }
}
