namespace ChatOps.QCliProxy.Chat;

/// <summary>The <c>code</c> values of an <c>error</c> line (DESIGN 4.3).</summary>
public static class ErrorCodes
{
    public const string Timeout = "timeout";
    public const string Busy = "busy";
    public const string Failed = "failed";
    public const string BadRequest = "bad_request";
}
