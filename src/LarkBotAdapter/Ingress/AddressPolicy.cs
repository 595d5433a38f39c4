using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Ingress;

// "Is this message for the bot?", one rule for every platform, which supply only the facts (AddressFacts): a direct
// message always is; in a group, one that @mentions the bot, or a follow-up in a thread the bot answers in unless it
// @mentions only someone else. Without the bot's own id the @mentions cannot be read, so then the worker decides
// (IsForBotAsync) once it has learned the id.
public sealed class AddressPolicy(ThreadActivity threads)
{
    public async Task<Addressing> DecideAsync(ChatTurn turn, AddressFacts facts, CancellationToken cancellationToken)
    {
        if (turn.IsDirect || facts.ReportedAsMention || (facts.BotId is { } botId && Mentions(turn, botId)))
        {
            return Addressing.ForBot;
        }
        var mentionsSomeone = turn.MentionedIds.Count > 0;
        if (await threads.IsBotThreadAsync(turn, cancellationToken))
        {
            // In the bot's thread no @ is needed, unless the message @mentions only someone else.
            return !mentionsSomeone ? Addressing.ForBot : facts.BotId is null ? Addressing.AskWorker : Addressing.NotForBot;
        }
        return mentionsSomeone && facts.BotId is null && !facts.MentionsArriveSeparately ? Addressing.AskWorker : Addressing.NotForBot;
    }

    // The worker's half, for a message the ingress deferred (Addressing.AskWorker): for the bot unless it @mentions
    // only someone else. botId is asked for only when that is in question.
    public static async Task<bool> IsForBotAsync(ChatTurn turn, Func<Task<string>> botId) =>
        turn.IsDirect || turn.MentionedIds.Count == 0 || Mentions(turn, await botId());

    private static bool Mentions(ChatTurn turn, string botId) => turn.MentionedIds.Contains(botId, StringComparer.Ordinal);
}
