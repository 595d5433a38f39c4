using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Jobs;

// A reply typed in a thread that is a command rather than a question (Approvals: "approve P-7Q2K9"). The worker asks
// each registered command before it classifies the text; the first that answers ends the turn.
public interface IThreadCommand
{
    // The reply, or null when turn's text is no command here (it is then answered as a question).
    Task<ThreadCommandReply?> AnswerAsync(ChatTurn turn, TurnLanguage language, CancellationToken cancellationToken);
}
