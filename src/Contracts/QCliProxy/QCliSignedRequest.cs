namespace ChatOps.Contracts;

/// <summary>What a v2 signature binds besides the body: the HTTP method, the protocol path (no query), and the
/// <c>X-ChatOps-Timestamp</c> and <c>X-ChatOps-Signature</c> header values as received.</summary>
internal readonly record struct QCliSignedRequest(string Method, string Path, string? Timestamp, string? Signature);
