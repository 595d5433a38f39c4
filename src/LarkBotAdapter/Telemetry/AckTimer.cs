namespace ChatOps.LarkBotAdapter.Telemetry;

// The outermost filter of every platform endpoint: how long the ack took and, for a 4xx/5xx, why it was refused.
// The channel is the path's first segment (/lark/…, /slack/…).
internal sealed class AckTimer(ChatOpsMetrics metrics, TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var started = time.GetTimestamp();
        var result = await next(context);
        var http = context.HttpContext;
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
        var channel = http.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "none";
        metrics.Acked(channel, status, time.GetElapsedTime(started));
        return result;
    }
}
