namespace ChatOps.TestKit.Lark;

/// <summary>An error answer of the Lark Open API.</summary>
public sealed record LarkFault(int HttpStatus, int Code, string Message)
{
    /// <summary>Not a fault: lets one call through, to fail a later one.</summary>
    public static LarkFault Pass { get; } = new(0, 0, "");

    public static LarkFault ServerError { get; } = new(500, 1500, "internal error");

    public static LarkFault RateLimited { get; } = new(429, 99991400, "request trigger frequency limit");

    public static LarkFault Recalled { get; } = new(400, 230011, "The message was withdrawn.");

    public static LarkFault TokenInvalid { get; } = new(400, 99991663, "Invalid access token for authorization.");
}
