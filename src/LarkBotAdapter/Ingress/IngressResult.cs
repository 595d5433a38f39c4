namespace ChatOps.LarkBotAdapter.Ingress;

/// <summary>What an ingress answers the platform; mapped to HTTP by the endpoint.</summary>
public sealed record IngressResult(int StatusCode, string? Challenge = null, string? Error = null)
{
    public static IngressResult Ok { get; } = new(200);

    /// <summary>Acknowledged without doing anything (other events, bots, messages not for the bot).</summary>
    public static IngressResult Ignored { get; } = new(200);

    public static IngressResult Unauthorized { get; } = new(401, Error: "unauthorized");

    /// <summary>Nothing was kept; the platform should redeliver.</summary>
    public static IngressResult Unavailable { get; } = new(503, Error: "temporarily unavailable, please retry");

    public static IngressResult ChallengeAnswer(string challenge) => new(200, Challenge: challenge);

    public static IngressResult BadRequest(string reason) => new(400, Error: reason);
}
