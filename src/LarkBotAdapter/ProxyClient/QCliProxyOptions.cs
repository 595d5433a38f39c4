using System.Text.RegularExpressions;
using ChatOps.Settings;

namespace ChatOps.LarkBotAdapter.ProxyClient;

// How to reach the Q CLI proxy and who may use the aws_ops route: QLI_SERVER_ADDRESS,
// QCLI_PROXY_SECRET, QCLI_AWS_PROFILES, OPS_ALLOWED_CHAT_IDS, OPS_ALLOWED_USER_IDS,
// OPS_ALLOW_EVERYONE.
public sealed partial class QCliProxyOptions : IHasSettingErrors
{
    // Shortest accepted shared secret.
    public const int MinSecretLength = 16;

    // Base URL of the proxy, ending in /.
    public Uri? Address { get; private set; }

    // The shared HMAC secret. Never logged, never shown.
    public string Secret { get; private set; } = string.Empty;

    // Profiles the classifier may choose from (the proxy has its own list and refuses others).
    public IReadOnlyList<string> AwsProfiles { get; private set; } = [];

    // Chats that may use the route; empty = any chat (when a user list is set, or everyone is allowed).
    public IReadOnlySet<string> AllowedChatIds { get; private set; } = new HashSet<string>();

    // Users (Lark open_id, Slack user id) who may use the route; empty = anyone (when a chat list is set, or
    // everyone is allowed).
    public IReadOnlySet<string> AllowedUserIds { get; private set; } = new HashSet<string>();

    // OPS_ALLOW_EVERYONE=true: the explicit opt-in that lets anyone who can message the bot use the route
    // when neither allow-list is set. Without it (and without a list) start-up fails. A list that is set still applies.
    public bool AllowEveryone { get; private set; }

    // Tries to connect before giving up; only failures to connect are retried.
    public int ConnectAttempts { get; private set; } = 3;

    // Wait before the second attempt, doubled for each further one.
    public TimeSpan RetryDelay { get; private set; } = TimeSpan.FromMilliseconds(500);

    // Longest wait for a TCP connection.
    public TimeSpan ConnectTimeout { get; private set; } = TimeSpan.FromSeconds(10);

    // QCLI_PROXY_CA_FILE: the private CA(s) the proxy's https:// certificate must chain to; null = the system's trust store.
    public System.Security.Cryptography.X509Certificates.X509Certificate2Collection? CaCertificates { get; private set; }

    // Longest wait for the response headers; the stream after them is bounded by the worker's answer deadline.
    public TimeSpan HeadersTimeout { get; private set; } = TimeSpan.FromSeconds(60);

    // Problems found while loading, each naming the variable to fix.
    public IReadOnlyList<string> Errors { get; private set; } = [];

    // Whether the proxy's address and secret are both set and valid.
    public bool IsConfigured => Address is not null && Secret.Length > 0 && Errors.Count == 0;

    // Whether the configuration asks for the route at all (either of the two variables set).
    public static bool IsRequested(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["QLI_SERVER_ADDRESS"]) || !string.IsNullOrWhiteSpace(configuration["QCLI_PROXY_SECRET"]);

    // Whether a user in a chat may use the route: every allow-list that is set must contain them; with no list
    // set, only AllowEveryone lets anyone in.
    public bool Allows(string chatId, string userId) =>
        (AllowEveryone || AllowedChatIds.Count > 0 || AllowedUserIds.Count > 0)
        && (AllowedChatIds.Count == 0 || AllowedChatIds.Contains(chatId))
        && (AllowedUserIds.Count == 0 || AllowedUserIds.Contains(userId));

    // Reads the variables; problems go to Errors.
    public void Load(IConfiguration configuration)
    {
        var errors = new List<string>();
        var reader = new SettingReader(configuration, errors);
        var address = configuration["QLI_SERVER_ADDRESS"]?.Trim();
        var secret = configuration["QCLI_PROXY_SECRET"]?.Trim() ?? string.Empty;
        if (string.IsNullOrEmpty(address))
        {
            errors.Add("QLI_SERVER_ADDRESS is not set, but QCLI_PROXY_SECRET is: set the proxy's base URL, e.g. http://10.0.1.23:8080.");
        }
        else if (!Uri.TryCreate(address.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add("QLI_SERVER_ADDRESS must be an absolute http:// or https:// URL, e.g. http://10.0.1.23:8080.");
        }
        else if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            errors.Add("QLI_SERVER_ADDRESS must be a plain base URL without credentials, query or fragment.");
        }
        else
        {
            Address = uri;
        }
        if (secret.Length == 0)
        {
            errors.Add("QCLI_PROXY_SECRET is not set: requests to the Q CLI proxy must be signed with the proxy's shared secret.");
        }
        else if (secret.Length < MinSecretLength)
        {
            errors.Add($"QCLI_PROXY_SECRET is shorter than {MinSecretLength} characters; use a long random value (e.g. openssl rand -hex 32).");
        }
        Secret = secret;
        AwsProfiles = AwsProfilesSetting.From(configuration);
        if (AwsProfiles.FirstOrDefault(p => !ProfileName().IsMatch(p)) is not null)
        {
            errors.Add("QCLI_AWS_PROFILES must be a comma-separated list of profile names (letters, digits, '-', '_', '.').");
        }
        AllowedChatIds = Split(configuration["OPS_ALLOWED_CHAT_IDS"]).ToHashSet(StringComparer.Ordinal);
        AllowedUserIds = Split(configuration["OPS_ALLOWED_USER_IDS"]).ToHashSet(StringComparer.Ordinal);
        AllowEveryone = reader.Flag("OPS_ALLOW_EVERYONE", false);
        if (AllowedChatIds.Count == 0 && AllowedUserIds.Count == 0 && !AllowEveryone)
        {
            // Who may run commands against the AWS accounts must be a decision, not the default of an unset variable.
            errors.Add("No ops allow-list is set: set OPS_ALLOWED_CHAT_IDS and/or OPS_ALLOWED_USER_IDS to the chats and users "
                + "who may ask aws_ops questions, or set OPS_ALLOW_EVERYONE=true to let everyone who can message the bot use them.");
        }
        ConnectAttempts = reader.Integer("QCLI_PROXY_CONNECT_ATTEMPTS", ConnectAttempts, 1, 10);
        RetryDelay = TimeSpan.FromMilliseconds(reader.Integer("QCLI_PROXY_RETRY_DELAY_MS", (int)RetryDelay.TotalMilliseconds, 0, 60_000));
        CaCertificates = ProxyClient.ProxyCaBundle.Load(configuration[ProxyClient.ProxyCaBundle.Setting], errors);
        HeadersTimeout = TimeSpan.FromSeconds(reader.Integer("QCLI_PROXY_HEADERS_TIMEOUT_SECONDS", (int)HeadersTimeout.TotalSeconds, 1, 3600));
        Errors = errors;
    }

    private static string[] Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex ProfileName();
}
