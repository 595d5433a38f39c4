using ChatOps.Metrics;
using ChatOps.Settings;

namespace ChatOps.QCliProxy.Telemetry;

// The proxy's metric settings: CHATOPS_METRICS (default emf), CHATOPS_METRICS_NAMESPACE, AWS_EMF_AGENT_ENDPOINT and
// AWS_EMF_LOG_GROUP_NAME (the names the aws-embedded-metrics libraries use for the last two).
internal sealed class ProxyMetricsOptions : IHasSettingErrors
{
    private readonly List<string> _errors = [];

    public MetricsSettings Metrics { get; } = new();

    public EmfAgentEndpoint Agent { get; private set; } = EmfAgentEndpoint.Default;

    // The log group the agent writes the lines to (_aws.LogGroupName); unset: the agent's own default.
    public string? LogGroup { get; private set; }

    public IReadOnlyList<string> Errors => [.. Metrics.Errors, .. _errors];

    public void Load(IConfiguration configuration)
    {
        Metrics.Load(configuration, enabledByDefault: true);
        var reader = new SettingReader(configuration, _errors);
        Agent = EmfAgentEndpoint.Parse(reader.Text(EmfAgentEndpoint.Variable), _errors) ?? EmfAgentEndpoint.Default;
        LogGroup = reader.Text("AWS_EMF_LOG_GROUP_NAME");
    }
}
