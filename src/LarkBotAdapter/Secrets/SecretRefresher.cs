namespace ChatOps.LarkBotAdapter.Secrets;

// Re-reads the platform secret after an auth failure (it may have been rotated): one read at a time, and at
// most one per CHATOPS_SECRET_REFRESH_SECONDS (default 30), so a storm of bad signatures costs at most one
// Secrets Manager call per interval. Without CHATOPS_SECRET_ID it never refreshes.
public sealed class SecretRefresher
{
    public const string IntervalKey = "CHATOPS_SECRET_REFRESH_SECONDS";

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    // Longest wait for a re-read on a platform's ack path (3 s budget); a slower read serves the redelivery.
    public static readonly TimeSpan AckPathWait = TimeSpan.FromMilliseconds(500);

    // Longest wait for a re-read in the worker, before a call is retried with the new values.
    public static readonly TimeSpan WorkerWait = TimeSpan.FromSeconds(10);

    // The read runs on even when the caller stops waiting, so a slow answer still serves the next request.
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);

    private readonly PlatformSecrets? _secrets;
    private readonly TimeProvider _time;
    private readonly ILogger<SecretRefresher> _logger;
    private readonly TimeSpan _interval;
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastRead;
    private Task<bool>? _running;

    public SecretRefresher(PlatformSecrets? secrets, IConfiguration? configuration, TimeProvider time, ILogger<SecretRefresher> logger)
    {
        _secrets = secrets;
        _time = time;
        _logger = logger;
        _interval = int.TryParse(configuration?[IntervalKey], out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : DefaultInterval;
    }

    // Whether the secrets come from Secrets Manager (and can be refreshed at all).
    public bool IsEnabled => _secrets is not null;

    // Reads the secret again unless that was done less than the interval ago (then returns false at once);
    // joins a read already under way. Returns whether a value changed, i.e. whether retrying with the new
    // configuration can help. Waits at most maxWait; never throws for a failed read.
    public async Task<bool> TryRefreshAsync(string reason, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (_secrets is null)
        {
            return false;
        }
        Task<bool> read;
        lock (_gate)
        {
            if (_running is { IsCompleted: false } running)
            {
                read = running;
            }
            else
            {
                var now = _time.GetUtcNow();
                if (_lastRead is { } last && now - last < _interval)
                {
                    Log.RefreshSkipped(_logger, reason);
                    return false;
                }
                _lastRead = now;
                Log.Refreshing(_logger, _secrets.SecretId, reason);
                read = _running = ReadAsync(_secrets);
            }
        }
        try
        {
            return await read.WaitAsync(maxWait, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task<bool> ReadAsync(PlatformSecrets secrets)
    {
        try
        {
            using var timeout = new CancellationTokenSource(FetchTimeout, _time);
            var changed = await secrets.RefreshAsync(timeout.Token);
            Log.Refreshed(_logger, secrets.SecretId, changed);
            return changed;
        }
        catch (Exception ex) when (ex is PlatformSecretsException or HttpRequestException or OperationCanceledException or TimeoutException
                                   or Amazon.Runtime.AmazonClientException)
        {
            Log.RefreshFailed(_logger, secrets.SecretId, ex);
            return false;
        }
    }
}
