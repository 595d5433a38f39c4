namespace ChatOps.LarkBotAdapter.Secrets;

// The platform secret could not be read or is not usable. The message names the secret, the variable or the
// key to fix, and never holds a secret value.
public sealed class PlatformSecretsException(string message, Exception? inner = null) : Exception(message, inner);
