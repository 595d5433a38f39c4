using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Ingress;

// Whether a turn's thread is one the bot answers in (follow-ups there need no @). A store outage counts as
// "no": the message is then answered only if it @mentions the bot.
public sealed class ThreadActivity(IStateStore state, ILogger<ThreadActivity> logger)
{
    public async Task<bool> IsBotThreadAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.RootId is null)
        {
            return false;
        }
        try
        {
            return await state.IsThreadActiveAsync(turn.ThreadKey, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            Log.LookupFailed(logger, turn.ClaimKey, ex);
            return false;
        }
    }
}
