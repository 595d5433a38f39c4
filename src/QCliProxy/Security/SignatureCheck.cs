namespace ChatOps.QCliProxy.Security;

/// <summary>Why a request's signature was accepted or not (logged; the client only sees 401).</summary>
public enum SignatureCheck
{
    Valid,
    Missing,
    Malformed,
    Stale,
    Mismatch,
}
