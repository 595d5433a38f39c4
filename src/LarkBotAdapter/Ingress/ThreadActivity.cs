using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Ingress;

/// <summary>Whether a turn's thread is one the bot answers in (follow-ups there need no @). A store outage counts as
/// "no": the message is then answered only if it @mentions the bot.</summary>
public sealed partial class ThreadActivity(IStateStore state, ILogger<ThreadActivity> logger)
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: thread lookup failed; treated as not a bot thread")]
        public static partial void LookupFailed(ILogger logger, string claimKey, Exception exception);
    }
}
