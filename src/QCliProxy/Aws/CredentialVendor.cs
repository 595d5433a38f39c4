using System.Collections.Concurrent;
using System.Text.Json;
using ChatOps.QCliProxy.Configuration;

namespace ChatOps.QCliProxy.Aws;

// Gets a run's temporary keys (QCLI_VEND_CREDENTIALS): the instance role's keys from IMDSv2, then AssumeRole along the
// profile's chain. The result is kept per chain until it would expire within a run's time (at least five minutes).
internal sealed class CredentialVendor(InstanceMetadataClient metadata, StsClient sts, ProxyOptions options, TimeProvider time, ILogger<CredentialVendor> logger)
{
    public const string SessionPrefix = "qcli-proxy";

    private static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    // Beyond the run's timeout, so keys handed out early in their life outlast several runs.
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, AwsKeys> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refresh = new(1, 1);

    // The keys for the profile's last role; run names the run in the role session. Throws AwsCredentialsException.
    public async Task<AwsKeys> KeysAsync(string profile, IReadOnlyList<RoleStep> steps, string? region, string run, CancellationToken ct)
    {
        var key = string.Join('\n', steps.Select(s => $"{s.RoleArn}|{s.ExternalId}|{s.DurationSeconds}"));
        if (Fresh(key) is { } cached)
        {
            return cached;
        }

        await _refresh.WaitAsync(ct);
        try
        {
            return Fresh(key) ?? (_cache[key] = await AssumeAsync(profile, steps, region, SessionName(run), ct));
        }
        finally
        {
            _refresh.Release();
        }
    }

    // "qcli-proxy.<run>", in the characters and length STS allows.
    public static string SessionName(string run)
    {
        var name = SessionPrefix + "." + new string(run.Select(c => char.IsAsciiLetterOrDigit(c) || "+=,.@-_".Contains(c) ? c : '-').ToArray());
        return name.Length <= 64 ? name : name[..64];
    }

    private AwsKeys? Fresh(string key)
    {
        var keep = options.Timeout > RefreshBefore ? options.Timeout : RefreshBefore;
        return _cache.TryGetValue(key, out var keys) && keys.Expiration - time.GetUtcNow() > keep ? keys : null;
    }

    private async Task<AwsKeys> AssumeAsync(string profile, IReadOnlyList<RoleStep> steps, string? region, string session, CancellationToken ct)
    {
        AwsKeys keys;
        try
        {
            keys = await metadata.InstanceRoleKeysAsync(ct);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidDataException or JsonException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            Log.InstanceKeysFailed(logger, profile, options.MetadataEndpoint.ToString(), e);
            throw new AwsCredentialsException(profile, $"the instance metadata service ({options.MetadataEndpoint}) gave no instance role keys: {Describe(e)}");
        }

        var duration = (int)Math.Max(900, (options.Timeout + Margin).TotalSeconds);
        foreach (var step in steps)
        {
            try
            {
                keys = await sts.AssumeRoleAsync(keys, step, session, step.DurationSeconds ?? duration, region, ct);
            }
            catch (Exception e) when (e is StsDeniedException or HttpRequestException or InvalidDataException or System.Xml.XmlException
                                      || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                Log.AssumeRoleFailed(logger, profile, step.RoleArn, e);
                throw new AwsCredentialsException(profile, $"STS AssumeRole of {step.RoleArn} failed: {Describe(e)}");
            }

            Log.RoleAssumed(logger, profile, step.RoleArn, session, keys.Expiration);
        }

        return keys;
    }

    private static string Describe(Exception e) => e switch
    {
        StsDeniedException denied => denied.Message,
        OperationCanceledException => "no answer in time",
        System.Xml.XmlException or JsonException => "the answer could not be read",
        _ => e.Message,
    };
}
