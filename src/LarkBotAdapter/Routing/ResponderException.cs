namespace ChatOps.LarkBotAdapter.Routing;

/// <summary>A route failed in a way the user should be told about. <see cref="Exception.Message"/> is shown in the thread,
/// so it must say what failed and what to do, and never contain secrets.</summary>
public sealed class ResponderException(string message, bool retryable, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Whether asking again later may help.</summary>
    public bool Retryable { get; } = retryable;
}
