namespace ChatOps.LarkBotAdapter.State;

/// <summary>The state store could not answer; the message must not be processed on a guess.</summary>
public sealed class StateUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
