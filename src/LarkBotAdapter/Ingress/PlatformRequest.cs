namespace ChatOps.LarkBotAdapter.Ingress;

// A platform's request as the ingress reads it: the raw body (signatures cover the exact bytes) and the
// headers. Bound from the request before any endpoint filter runs; PlatformGate answers 413 when the
// body was over RequestBody.MaxBytes, so a handler always gets a whole body.
public sealed record PlatformRequest(byte[] Body, IHeaderDictionary Headers, bool TooLarge)
{
    public static async ValueTask<PlatformRequest> BindAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request, RequestBody.MaxBytes, context.RequestAborted);
        return new PlatformRequest(body ?? [], context.Request.Headers, TooLarge: body is null);
    }
}
