namespace ChatOps.QCliProxy.Security;

// A signed request's raw body (the signature covers its exact bytes), bound before any endpoint filter runs.
// SignatureGate answers 413 when it was over RequestBody.MaxBytes and 401 when it is not authentic, so a handler
// always gets a whole body that was signed with the proxy secret.
internal sealed record SignedRequest(byte[] Body, bool TooLarge)
{
    public static async ValueTask<SignedRequest> BindAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted);
        return new SignedRequest(body ?? [], TooLarge: body is null);
    }
}
