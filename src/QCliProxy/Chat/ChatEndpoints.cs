using ChatOps.Contracts;

namespace ChatOps.QCliProxy.Chat;

public static class ChatEndpoints
{
    // POST /v1/chat (DESIGN 4.3). The handler reads the raw body itself: the signature covers its exact bytes.
    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/" + QCliProtocol.ChatPath, (HttpContext context) => context.RequestServices.GetRequiredService<ChatHandler>().HandleAsync(context));
        return endpoints;
    }
}
