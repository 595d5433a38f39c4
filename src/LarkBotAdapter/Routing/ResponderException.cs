namespace ChatOps.LarkBotAdapter.Routing;

// A route failed in a way the user should be told about. Exception.Message is shown in the thread,
// so it must say what failed and what to do, and never contain secrets.
public sealed class ResponderException(string message, bool retryable, Exception? inner = null) : Exception(message, inner)
{
    // Whether asking again later may help.
    public bool Retryable { get; } = retryable;
}
