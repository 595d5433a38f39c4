using ChatOps.Contracts;

namespace ChatOps.QCliProxy.Chat;

public static class ChatEndpoints
{
    /// <summary><c>POST /v1/chat</c> (DESIGN 4.3). The handler reads the raw body itself: the signature covers its exact bytes.</summary>
    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/" + QCliProtocol.ChatPath, (HttpContext context) => context.RequestServices.GetRequiredService<ChatHandler>().HandleAsync(context));
        return endpoints;
    }
}
