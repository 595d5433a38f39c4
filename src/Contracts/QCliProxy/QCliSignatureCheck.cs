namespace ChatOps.Contracts;

/// <summary>Why a request's signature was accepted or not (logged; the client only sees 401).</summary>
internal enum QCliSignatureCheck
{
    Valid,
    Missing,
    Malformed,
    Stale,
    Mismatch,

    /// <summary>A well-formed <c>v1=</c> signature while the proxy accepts v2 only (QCLI_ACCEPT_V1_SIGNATURES unset).</summary>
    VersionRefused,
}
