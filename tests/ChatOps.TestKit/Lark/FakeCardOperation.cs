namespace ChatOps.TestKit.Lark;

/// <summary>A card call the fake Lark API accepted: <see cref="Kind"/> is <c>create</c> (Content: the answer element's
/// initial text), <c>content</c> (a streamed element text), <c>settings</c> or <c>append</c>.</summary>
/// <param name="ReceivedTimestamp"><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the fake began handling
/// the request.</param>
/// <param name="AcceptedAt">The fake's clock when it accepted the call (what its rate limits count).</param>
public sealed record FakeCardOperation(string Kind, string AppId, string CardId, string? ElementId, string? Content, long ReceivedTimestamp, DateTimeOffset AcceptedAt);
