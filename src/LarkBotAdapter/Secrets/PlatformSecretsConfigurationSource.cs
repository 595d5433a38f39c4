namespace ChatOps.LarkBotAdapter.Secrets;

// Puts PlatformSecrets into configuration. Added first (lowest precedence), so a variable set
// anywhere else — the environment, the command line, test settings — wins over the secret.
public sealed class PlatformSecretsConfigurationSource(PlatformSecrets secrets) : IConfigurationSource
{
    // The configuration manager rebuilds its providers when sources change; each reads the shared store, none refetches.
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new PlatformSecretsConfigurationProvider(secrets);
}
