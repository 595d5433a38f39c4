using ChatOps.LarkBotAdapter.Channels.Lark.Inbound;
using ChatOps.LarkBotAdapter.Ingress;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

// POST /lark/events: the Lark event subscription (schema 2.0, plain or encrypted); POST /lark/cards: the card
// callback URL (clicks on the bot's cards). Both behind RequireConfigured and RequireLarkSignature.
public static class LarkEndpoints
{
    public static RouteGroupBuilder MapLark(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/lark")
            .RequireConfigured<LarkOptions>(o => o.IsConfigured, "Lark is not configured here: set LARK_APP_ID, LARK_APP_SECRET and LARK_VERIFICATION_TOKEN.")
            .RequireLarkSignature();
        group.MapPost("/events", (PlatformRequest _, HttpContext context, LarkIngress ingress) =>
            ingress.HandleAsync(LarkSignatureFilter.Verified(context), context.RequestAborted));
        group.MapPost("/cards", (PlatformRequest _, HttpContext context, LarkCardIngress ingress) =>
            ingress.HandleAsync(LarkSignatureFilter.Verified(context), context.RequestAborted));
        return group;
    }

    // Runs every endpoint of the group only for a request LarkVerifier accepted (LarkSignatureFilter).
    public static RouteGroupBuilder RequireLarkSignature(this RouteGroupBuilder group) =>
        group.AddEndpointFilter<RouteGroupBuilder, LarkSignatureFilter>();
}
