namespace ChatOps.TestKit.Slack;

/// <summary>A <c>chat.update</c> of a posted message the fake Slack accepted: the message (channel, ts) and its new
/// text and blocks (the JSON array, as <see cref="FakeSlackWebApi.ReadableJson"/> writes it; null when the call left
/// the blocks as they were).</summary>
public sealed record SlackMessageUpdate(string Channel, string Ts, string? Text, string? Blocks);
