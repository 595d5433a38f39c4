namespace ChatOps.Contracts;

/// <summary>The fixed parts of the Q CLI proxy protocol (docs/CONTRACTS.md §3), shared by the bot (client) and the proxy (server):
/// this folder is compiled into both, so neither can drift from the other.</summary>
internal static class QCliProtocol
{
    /// <summary>The chat endpoint, relative to the proxy's base address.</summary>
    public const string ChatPath = "v1/chat";

    /// <summary>The protocol this build speaks: 2 adds <c>proposal</c> lines and the execute endpoint.</summary>
    public const int Version = 2;

    /// <summary>Sent by the bot (the highest version it reads) and answered by the proxy (the version of its answer); a
    /// version-1 peer sends none. The proxy writes <c>proposal</c> lines only to a client that sent 2 or more.</summary>
    public const string VersionHeader = "X-ChatOps-Protocol";

    /// <summary>The execute endpoint for proposal <paramref name="id"/>, relative to the proxy's base address.</summary>
    public static string ExecutePath(string id) => $"v1/proposals/{Uri.EscapeDataString(id)}/execute";

    /// <summary>The PATH a v2 signature covers for <paramref name="relative"/> (<see cref="ChatPath"/> or an
    /// <see cref="ExecutePath"/>): the protocol path from its leading slash, whatever prefix the proxy's base address has.</summary>
    public static string SignedPath(string relative) => "/" + relative;

    /// <summary>Unix seconds at which the request was signed.</summary>
    public const string TimestampHeader = "X-ChatOps-Timestamp";

    /// <summary><c>v2=</c> + lowercase hex HMAC-SHA256 (see <see cref="QCliRequestSignature"/>).</summary>
    public const string SignatureHeader = "X-ChatOps-Signature";

    /// <summary>The answer's media type: one JSON object per line.</summary>
    public const string NdjsonContentType = "application/x-ndjson";

    /// <summary>Longest prompt passed as one argument; Linux refuses a single argument over 128 KiB.</summary>
    public const int MaxPromptBytes = 100_000;

    /// <summary>How far a request's timestamp may be from the proxy's clock.</summary>
    public static readonly TimeSpan SignatureWindow = TimeSpan.FromSeconds(300);
}
