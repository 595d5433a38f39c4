namespace ChatOps.LarkBotAdapter.State;

// The state store could not answer; the message must not be processed on a guess.
public sealed class StateUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
