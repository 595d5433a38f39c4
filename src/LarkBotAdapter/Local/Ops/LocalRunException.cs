namespace ChatOps.LarkBotAdapter.Local.Ops;

// The laptop route could not prepare or finish a run; the message says what to check and names no secret.
public sealed class LocalRunException(string message, Exception? inner = null) : Exception(message, inner);
