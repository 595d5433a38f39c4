namespace ChatOps.LarkBotAdapter.Ingress;

/// <summary>Maps ingress outcomes to HTTP answers.</summary>
public static class IngressResults
{
    public static IResult ToHttp(this IngressResult result) => result switch
    {
        { Challenge: { } challenge } => TypedResults.Json(new ChallengeResponse(challenge), HttpJsonContext.Default.ChallengeResponse),
        { StatusCode: 200 } => TypedResults.Json(new AckResponse(), HttpJsonContext.Default.AckResponse),
        _ => Error(result.StatusCode, result.Error ?? "error"),
    };

    public static IResult Error(int status, string message) =>
        TypedResults.Json(new ErrorResponse(message), HttpJsonContext.Default.ErrorResponse, statusCode: status);

    public static IResult TooLarge() => Error(StatusCodes.Status413PayloadTooLarge, $"request body over {RequestBody.MaxBytes} bytes");
}
