namespace ChatOps.LarkBotAdapter.ProxyClient;

// A call to the Q CLI proxy failed. Carries what the proxy said (status, code, message), never what was sent.
public sealed class QCliProxyException(QCliFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public QCliFailure Failure { get; } = failure;

    // The HTTP status, when the proxy answered one.
    public int? StatusCode { get; init; }

    // The protocol error code of a non-success answer's body, when it held an error line.
    public string? ProxyCode { get; init; }

    // The message of that error line.
    public string? ProxyMessage { get; init; }
}
