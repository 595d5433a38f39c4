using ChatOps.Settings;

namespace ChatOps.QCliProxy.Configuration;

// The proxy's settings, read from the environment by Load; problems land in Errors.
public sealed class ProxyOptions : IHasSettingErrors
{
    public string? Secret { get; set; }

    public bool DevMode { get; set; }

    // QCLI_ACCEPT_V1_SIGNATURES: also accept v1= signatures (method and path unbound), for a rolling upgrade only.
    public bool AcceptV1Signatures { get; set; }

    // The default agent that the deploy kit installs for both CLIs.
    public const string DefaultAgent = "chatops";

    public string Command { get; set; } = "q";

    public CliFlavor Flavor => CliFlavors.Of(Command);

    // --agent name; null means no agent (then TrustTools is passed as --trust-tools).
    public string? Agent { get; set; } = DefaultAgent;

    // Unix account the CLI runs as (QCLI_RUN_AS); null runs it as the proxy's own user.
    public string? RunAs { get; set; }

    // The AWS config file a run's one-profile copy is cut from.
    public string AwsConfigFile { get; set; } = "";

    // The AWS shared credentials file a run's one-profile copy is cut from.
    public string AwsCredentialsFile { get; set; } = "";

    // QCLI_VEND_CREDENTIALS: the proxy assumes a run's role itself and hands the CLI only the role's temporary keys.
    public bool VendCredentials { get; set; }

    // The instance metadata service (AWS_EC2_METADATA_SERVICE_ENDPOINT), where the proxy gets the instance role's keys.
    public Uri MetadataEndpoint { get; set; } = new(DefaultMetadataEndpoint);

    public const string DefaultMetadataEndpoint = "http://169.254.169.254/";

    // STS (AWS_ENDPOINT_URL_STS); null means the regional endpoint of StsRegion.
    public Uri? StsEndpoint { get; set; }

    // The region of STS calls (AWS_REGION, then AWS_DEFAULT_REGION); null means the profile's own region.
    public string? StsRegion { get; set; }

    public IReadOnlyList<string> Arguments { get; set; } = ["chat", "--no-interactive"];

    // Tools trusted with --trust-tools when no agent is used.
    public IReadOnlyList<string> TrustTools { get; set; } = ["fs_read", "use_aws"];

    public bool AllowWriteTools { get; set; }

    public string StateDirectory { get; set; } = "";

    public IReadOnlyList<string> AwsProfiles { get; set; } = [];

    public IReadOnlyList<string> EnvPassthrough { get; set; } = [];

    public int MaxConcurrency { get; set; } = Environment.ProcessorCount;

    public int QueueLimit { get; set; } = Environment.ProcessorCount;

    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(300);

    public long MaxOutputBytes { get; set; } = 1024 * 1024;

    public TimeSpan IdleLifetime { get; set; } = TimeSpan.FromDays(7);

    public SandboxMode Sandbox { get; set; } = SandboxMode.None;

    // Where bwrap was found on PATH (with QCLI_SANDBOX=bwrap only).
    public string? BwrapPath { get; set; }

    public List<string> Errors { get; } = [];

    IReadOnlyList<string> IHasSettingErrors.Errors => Errors;

    // QCLI_TIMEOUT_SECONDS alone; the host's shutdown timeout is set from it before the settings are validated.
    public static TimeSpan ReadTimeout(IConfiguration configuration, List<string> errors) =>
        TimeSpan.FromSeconds(new SettingReader(configuration, errors).Integer("QCLI_TIMEOUT_SECONDS", 300, 1, 86_400));

    public void Load(IConfiguration configuration)
    {
        var reader = new SettingReader(configuration, Errors);
        Secret = reader.Text("QCLI_PROXY_SECRET");
        DevMode = reader.Flag("QCLI_DEV_MODE", false);
        AcceptV1Signatures = reader.Flag("QCLI_ACCEPT_V1_SIGNATURES", false);
        AllowWriteTools = reader.Flag("QCLI_ALLOW_WRITE_TOOLS", false);
        Command = reader.Text("QCLI_COMMAND") ?? CliFlavors.DefaultCommand(configuration["PATH"]);
        Arguments = reader.Words("QCLI_ARGS") ?? Arguments;
        TrustTools = reader.List("QCLI_TRUST_TOOLS") ?? CliFlavors.ReadOnlyTools(Flavor);
        Agent = configuration["QCLI_AGENT"] is { } agent ? (string.IsNullOrWhiteSpace(agent) ? null : agent.Trim()) : DefaultAgent;
        RunAs = reader.Text("QCLI_RUN_AS");
        var awsHome = Path.Join(configuration["HOME"] ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws");
        AwsConfigFile = reader.Text("QCLI_AWS_CONFIG_FILE") ?? reader.Text("AWS_CONFIG_FILE") ?? Path.Join(awsHome, "config");
        AwsCredentialsFile = reader.Text("QCLI_AWS_CREDENTIALS_FILE") ?? reader.Text("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Join(awsHome, "credentials");
        VendCredentials = reader.Flag("QCLI_VEND_CREDENTIALS", false);
        // Checked only when used: without vending these are the CLI's business, not the proxy's.
        var endpointErrors = VendCredentials ? Errors : [];
        MetadataEndpoint = ProxyOptionsRules.Endpoint(endpointErrors, "AWS_EC2_METADATA_SERVICE_ENDPOINT", reader.Text("AWS_EC2_METADATA_SERVICE_ENDPOINT") ?? DefaultMetadataEndpoint) ?? MetadataEndpoint;
        StsEndpoint = reader.Text("AWS_ENDPOINT_URL_STS") is { } sts ? ProxyOptionsRules.Endpoint(endpointErrors, "AWS_ENDPOINT_URL_STS", sts) : null;
        StsRegion = reader.Text("AWS_REGION") ?? reader.Text("AWS_DEFAULT_REGION");
        StateDirectory = reader.Text("QCLI_STATE_DIR") ?? DefaultStateDirectory();
        AwsProfiles = reader.List("QCLI_AWS_PROFILES") ?? [];
        EnvPassthrough = reader.List("QCLI_ENV_PASSTHROUGH") ?? [];
        MaxConcurrency = reader.Integer("QCLI_MAX_CONCURRENCY", Environment.ProcessorCount, 1, 1024);
        QueueLimit = reader.Integer("QCLI_QUEUE_LIMIT", MaxConcurrency, 0, 10_000);
        QueueTimeout = TimeSpan.FromSeconds(reader.Integer("QCLI_QUEUE_TIMEOUT_SECONDS", 30, 1, 3600));
        Timeout = ReadTimeout(configuration, Errors);
        MaxOutputBytes = reader.Integer("QCLI_MAX_OUTPUT_BYTES", 1024 * 1024, 1024, int.MaxValue);
        IdleLifetime = TimeSpan.FromDays(reader.Integer("QCLI_IDLE_DAYS", 7, 1, 3650));
        Sandbox = reader.Choice("QCLI_SANDBOX", SandboxMode.None);
        BwrapPath = Sandbox == SandboxMode.Bwrap ? Hosting.Executables.Find("bwrap", configuration["PATH"]) : null;
        ProxyOptionsRules.Check(this);
    }

    private static string DefaultStateDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "qcli-proxy", "conversations");
}
