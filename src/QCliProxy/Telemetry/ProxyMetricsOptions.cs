using ChatOps.Metrics;
using ChatOps.Settings;

namespace ChatOps.QCliProxy.Telemetry;

// The proxy's metric settings: CHATOPS_METRICS (default emf), CHATOPS_METRICS_NAMESPACE, AWS_EMF_AGENT_ENDPOINT.
internal sealed class ProxyMetricsOptions : IHasSettingErrors
{
    private readonly List<string> _errors = [];

    public MetricsSettings Metrics { get; } = new();

    public EmfAgentEndpoint Agent { get; private set; } = EmfAgentEndpoint.Default;

    public IReadOnlyList<string> Errors => [.. Metrics.Errors, .. _errors];

    public void Load(IConfiguration configuration)
    {
        Metrics.Load(configuration, enabledByDefault: true);
        Agent = EmfAgentEndpoint.Parse(new SettingReader(configuration, _errors).Text(EmfAgentEndpoint.Variable), _errors) ?? EmfAgentEndpoint.Default;
    }
}
