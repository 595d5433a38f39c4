using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Alarms;

namespace ChatOps.LarkBotAdapter.Scrubbing;

// A channel's alarm messages with every value scrubbed: an alarm's reason or description may quote a credential.
public sealed class ScrubbingAlarmPosts(IAlarmPosts inner) : IAlarmPosts
{
    public Task<ChatTurn> PostAlarmAsync(string chatId, AlarmCard card, string key, CancellationToken cancellationToken) =>
        inner.PostAlarmAsync(chatId, Scrub(card), key, cancellationToken);

    public Task UpdateAlarmAsync(ChatTurn root, AlarmCard card, CancellationToken cancellationToken) =>
        inner.UpdateAlarmAsync(root, Scrub(card), cancellationToken);

    private static AlarmCard Scrub(AlarmCard card) => card with
    {
        Heading = SecretScrubber.Scrub(card.Heading),
        Fields = card.Fields.Select(f => f with { Value = SecretScrubber.Scrub(f.Value) }).ToArray(),
    };
}
