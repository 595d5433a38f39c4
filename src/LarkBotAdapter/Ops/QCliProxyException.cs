namespace ChatOps.LarkBotAdapter.Ops;

/// <summary>A call to the Q CLI proxy failed. Carries what the proxy said (status, code, message), never what was sent.</summary>
public sealed class QCliProxyException(QCliFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public QCliFailure Failure { get; } = failure;

    /// <summary>The HTTP status, when the proxy answered one.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The protocol error code of a non-success answer's body, when it held an <c>error</c> line.</summary>
    public string? ProxyCode { get; init; }

    /// <summary>The message of that <c>error</c> line.</summary>
    public string? ProxyMessage { get; init; }
}
