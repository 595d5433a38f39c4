using ChatOps.LarkBotAdapter.Ingress;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

/// <summary><c>POST /lark/events</c>: the Lark event subscription (schema 2.0, plain or encrypted).</summary>
public static class LarkEndpoints
{
    public static RouteGroupBuilder MapLark(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/lark");
        group.MapPost("/events", HandleAsync);
        return group;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, IOptionsMonitor<LarkOptions> options, LarkIngress ingress, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.IsConfigured)
        {
            return IngressResults.Error(StatusCodes.Status404NotFound, "Lark is not configured here: set LARK_APP_ID, LARK_APP_SECRET and LARK_VERIFICATION_TOKEN.");
        }
        var body = await RequestBody.ReadAsync(request, RequestBody.MaxBytes, cancellationToken);
        if (body is null)
        {
            return IngressResults.TooLarge();
        }
        var result = await ingress.HandleAsync(body, request.Headers, cancellationToken);
        return result.ToHttp();
    }
}
