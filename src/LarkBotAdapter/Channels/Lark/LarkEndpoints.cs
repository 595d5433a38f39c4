using ChatOps.LarkBotAdapter.Ingress;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

// POST /lark/events: the Lark event subscription (schema 2.0, plain or encrypted).
public static class LarkEndpoints
{
    public static RouteGroupBuilder MapLark(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/lark").RequireConfigured(
            services => services.GetRequiredService<IOptionsMonitor<LarkOptions>>().CurrentValue.IsConfigured,
            "Lark is not configured here: set LARK_APP_ID, LARK_APP_SECRET and LARK_VERIFICATION_TOKEN.");
        group.MapPost("/events", (PlatformRequest request, LarkIngress ingress, CancellationToken cancellationToken) =>
            ingress.HandleAsync(request.Body, request.Headers, cancellationToken));
        return group;
    }
}
