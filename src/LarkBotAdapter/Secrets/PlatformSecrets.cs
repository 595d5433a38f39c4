using System.Text.Json;

namespace ChatOps.LarkBotAdapter.Secrets;

// The platform secrets read at run time from one Secrets Manager secret (CHATOPS_SECRET_ID): a JSON
// object whose keys are named like the variables. Only the keys in Names are taken, so the secret cannot
// change anything but credentials. Values are kept in memory and never logged or put in a message.
public sealed class PlatformSecrets
{
    public const string IdKey = "CHATOPS_SECRET_ID";

    public const string KeysKey = "CHATOPS_SECRET_KEYS";

    // The variables the secret may supply.
    public static readonly IReadOnlyList<string> Names =
        ["LARK_APP_SECRET", "LARK_ENCRYPT_KEY", "LARK_VERIFICATION_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN", "QCLI_PROXY_SECRET"];

    private readonly Func<CancellationToken, Task<string>> _fetch;

    private volatile IReadOnlyDictionary<string, string> _values = new Dictionary<string, string>();

    public PlatformSecrets(string secretId, IReadOnlyList<string> requiredKeys, Func<CancellationToken, Task<string>> fetch)
    {
        SecretId = secretId;
        RequiredKeys = requiredKeys;
        _fetch = fetch;
    }

    // Raised after a refresh changed a value (configuration providers reload on it).
    public event Action? Changed;

    // The secret's ARN or name.
    public string SecretId { get; }

    // Keys that must be in the secret (CHATOPS_SECRET_KEYS); empty = take whichever of
    // Names it holds.
    public IReadOnlyList<string> RequiredKeys { get; }

    // The values taken from the secret, by variable name.
    public IReadOnlyDictionary<string, string> Values => _values;

    // The keys listed in CHATOPS_SECRET_KEYS, checked against Names.
    public static IReadOnlyList<string> RequiredKeysFrom(string? list)
    {
        var keys = string.IsNullOrWhiteSpace(list)
            ? []
            : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
        if (keys.FirstOrDefault(k => !Names.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            throw new PlatformSecretsException(
                $"{KeysKey} names {unknown}, which is not a platform secret; allowed: {string.Join(", ", Names)}.");
        }
        return keys;
    }

    // The first read, at start-up: waits for the answer, and throws when the secret is unusable.
    public void Load(CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = Task.Run(() => _fetch(cancellationToken), cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not PlatformSecretsException)
        {
            throw new PlatformSecretsException($"The secret '{SecretId}' ({IdKey}) could not be read: {ex.GetType().Name}: {ex.Message}", ex);
        }
        _values = Parse(json);
    }

    // Reads the secret again. Returns whether a value changed; an unusable new version leaves the current
    // values in place and throws.
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var fresh = Parse(await _fetch(cancellationToken));
        var current = _values;
        if (fresh.Count == current.Count && fresh.All(p => current.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal)))
        {
            return false;
        }
        _values = fresh;
        Changed?.Invoke();
        return true;
    }

    // Messages name keys and the secret, never a value (JsonException messages may quote the text, so they are not kept).
    private IReadOnlyDictionary<string, string> Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw new PlatformSecretsException($"The secret '{SecretId}' ({IdKey}) is not JSON: store one JSON object whose keys are named like the variables.");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new PlatformSecretsException($"The secret '{SecretId}' ({IdKey}) is not a JSON object: store one object whose keys are named like the variables.");
            }
            var wanted = RequiredKeys.Count > 0 ? RequiredKeys : Names;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!wanted.Contains(property.Name, StringComparer.Ordinal))
                {
                    continue;
                }
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    throw new PlatformSecretsException($"The key {property.Name} in the secret '{SecretId}' must be a JSON string.");
                }
                values[property.Name] = property.Value.GetString()!;
            }
            var missing = RequiredKeys.Where(k => !values.ContainsKey(k)).ToArray();
            if (missing.Length > 0)
            {
                throw new PlatformSecretsException(
                    $"The secret '{SecretId}' ({IdKey}) has no key {string.Join(", ", missing)}, which {KeysKey} requires: add it to the secret's JSON.");
            }
            return values;
        }
    }
}
