namespace ChatOps.Contracts;

/// <summary>The <c>code</c> values of an <c>error</c> line (docs/CONTRACTS.md §3.3).</summary>
internal static class QCliErrorCodes
{
    public const string Timeout = "timeout";
    public const string Busy = "busy";
    public const string Failed = "failed";
    public const string BadRequest = "bad_request";
}
