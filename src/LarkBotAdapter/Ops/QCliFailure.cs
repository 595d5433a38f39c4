namespace ChatOps.LarkBotAdapter.Ops;

/// <summary>Why a call to the proxy failed outside the protocol's own <c>error</c> lines.</summary>
public enum QCliFailure
{
    /// <summary>No connection could be made (after the retries).</summary>
    Unreachable,

    /// <summary>Connected, but no response headers within the headers timeout (not retried: the proxy may be working).</summary>
    NoAnswer,

    /// <summary>429: all CLI slots and the queue are taken.</summary>
    Busy,

    /// <summary>401: the signature was refused (secret mismatch or clock skew).</summary>
    Unauthorized,

    /// <summary>Another non-success status.</summary>
    HttpStatus,

    /// <summary>The stream ended or broke before its <c>done</c>/<c>error</c> line.</summary>
    CutOff,

    /// <summary>A line that is not the protocol's JSON.</summary>
    Protocol,
}
