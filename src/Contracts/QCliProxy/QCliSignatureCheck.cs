namespace ChatOps.Contracts;

/// <summary>Why a request's signature was accepted or not (logged; the client only sees 401).</summary>
internal enum QCliSignatureCheck
{
    Valid,
    Missing,
    Malformed,
    Stale,
    Mismatch,
}
