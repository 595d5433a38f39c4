namespace ChatOps.LarkBotAdapter.ProxyClient;

// Why a call to the proxy failed outside the protocol's own error lines.
public enum QCliFailure
{
    // No connection could be made (after the retries).
    Unreachable,

    // Connected, but no response headers within the headers timeout (not retried: the proxy may be working).
    NoAnswer,

    // 429: all CLI slots and the queue are taken.
    Busy,

    // 401: the signature was refused (secret mismatch or clock skew).
    Unauthorized,

    // Another non-success status.
    HttpStatus,

    // The stream ended or broke before its done/error line.
    CutOff,

    // The proxy's TLS certificate could not be verified (not retried: it will not change).
    Untrusted,

    // A line that is not the protocol's JSON.
    Protocol,
}
