namespace ChatOps.LarkBotAdapter.Secrets;

// Serves the current secret values and signals a reload when a refresh changed them, so options bound
// through IOptionsMonitor are rebuilt (and validated) with the new values.
internal sealed class PlatformSecretsConfigurationProvider : ConfigurationProvider, IDisposable
{
    private readonly PlatformSecrets _secrets;

    public PlatformSecretsConfigurationProvider(PlatformSecrets secrets)
    {
        _secrets = secrets;
        _secrets.Changed += OnChanged;
    }

    public override void Load() =>
        Data = _secrets.Values.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.OrdinalIgnoreCase);

    // Values are never printed: the base ToString names only the provider.
    public override string ToString() => $"{nameof(PlatformSecretsConfigurationProvider)} ({_secrets.SecretId})";

    public void Dispose() => _secrets.Changed -= OnChanged;

    private void OnChanged()
    {
        Load();
        OnReload();
    }
}
