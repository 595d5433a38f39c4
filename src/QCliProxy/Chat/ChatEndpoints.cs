using ChatOps.Contracts;
using ChatOps.QCliProxy.Security;

namespace ChatOps.QCliProxy.Chat;

public static class ChatEndpoints
{
    // POST /v1/chat (docs/CONTRACTS.md §3.1), behind the signature gate: the handler gets the exact signed body.
    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/" + QCliProtocol.ChatPath, (SignedRequest request, HttpContext context) =>
                context.RequestServices.GetRequiredService<ChatHandler>().HandleAsync(context, request.Body))
            .RequireSignature(_ => QCliProtocol.ChatPath);
        return endpoints;
    }
}
