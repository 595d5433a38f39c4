namespace ChatOps.TestKit.Slack;

/// <summary>A message the fake Slack accepted through <c>chat.postMessage</c>.</summary>
/// <param name="ContentType">The request's Content-Type header, as sent.</param>
/// <param name="ReceivedAt">When the fake received it (for order and pacing checks, never for speed).</param>
/// <param name="Blocks">The message's blocks (a JSON array), when it had any.</param>
public sealed record SlackPost(string Channel, string Text, string? ThreadTs, string Ts, string ContentType, DateTimeOffset ReceivedAt, string? Blocks = null);

/// <summary>A message posted to a slash command's <c>response_url</c>.</summary>
public sealed record SlackResponsePost(string ResponseUrlId, string? ResponseType, string Text)
{
    /// <summary>The post's <c>replace_original</c>, when it sent one (false: the clicked message stays as it is).</summary>
    public bool? ReplaceOriginal { get; init; }
}
