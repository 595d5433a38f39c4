global using EventReply = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ChatOps.LarkBotAdapter.Ingress.AckResponse>,
    Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ChatOps.LarkBotAdapter.Ingress.ChallengeResponse>,
    Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ChatOps.LarkBotAdapter.Ingress.ErrorResponse>>;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatOps.LarkBotAdapter.Ingress;

// What an event endpoint answers the platform, as typed results: 200 {"ok":true}, 200 with the
// challenge, or an error status with {"error":…}.
public static class PlatformReplies
{
    // Taken, a duplicate, or acknowledged without doing anything (other events, bots, messages not for the bot).
    public static EventReply Ack() => TypedResults.Json(new AckResponse(), HttpJsonContext.Default.AckResponse);

    public static EventReply Challenge(string challenge) =>
        TypedResults.Json(new ChallengeResponse(challenge), HttpJsonContext.Default.ChallengeResponse);

    public static EventReply Unauthorized() => Error(StatusCodes.Status401Unauthorized, "unauthorized");

    public static EventReply BadRequest(string reason) => Error(StatusCodes.Status400BadRequest, reason);

    // Nothing was kept; the platform should redeliver.
    public static EventReply Unavailable() => Error(StatusCodes.Status503ServiceUnavailable, "temporarily unavailable, please retry");

    public static JsonHttpResult<ErrorResponse> Error(int status, string message) =>
        TypedResults.Json(new ErrorResponse(message), HttpJsonContext.Default.ErrorResponse, statusCode: status);

    public static bool IsUnauthorized(this EventReply reply) =>
        reply.Result is JsonHttpResult<ErrorResponse> { StatusCode: StatusCodes.Status401Unauthorized };
}
