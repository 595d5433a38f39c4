using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Worker;

// A thread's earlier turns: read before answering, the new exchange added after. Neither failure stops an answer.
public sealed class ThreadMemory(IStateStore state, WorkerOptions options, TimeProvider time, ILogger<ThreadMemory> logger)
{
    private const int MaxRememberedChars = 2000;

    public async Task<ThreadContext> LoadAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            return await state.GetThreadAsync(turn.ThreadKey, cancellationToken) ?? ThreadContext.Empty(turn.ThreadKey, time.GetUtcNow());
        }
        catch (StateUnavailableException ex)
        {
            // Answer without the earlier turns rather than not at all.
            Log.ContextNotLoaded(logger, turn.ClaimKey, ex);
            return ThreadContext.Empty(turn.ThreadKey, time.GetUtcNow());
        }
    }

    public async Task SaveAsync(
        ThreadContext thread, ChatTurn turn, IntentResult intent, string answer, Dictionary<string, string> attributes, CancellationToken cancellationToken)
    {
        ConversationTurn[] exchange =
        [
            new(ConversationTurn.User, Clip(turn.Text), intent.Intent),
            new(ConversationTurn.Assistant, Clip(answer)),
        ];
        try
        {
            // Conditional on the version this turn read; another turn's save in the meantime is merged, not lost.
            await ThreadContextSaver.SaveAsync(state, thread, exchange, attributes, options, time, logger, turn.ClaimKey, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            // The answer is out; losing the context only weakens the next follow-up.
            Log.ContextNotSaved(logger, turn.ClaimKey, ex);
        }
    }

    private static string Clip(string text) => text.Length <= MaxRememberedChars ? text : text[..MaxRememberedChars] + "…";
}
