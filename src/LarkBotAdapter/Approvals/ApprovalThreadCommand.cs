using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Approvals;

// "Approve [P-…]" / "Reject [P-…]" typed in a thread with proposals decides the one it names (or the only pending one).
internal sealed class ApprovalThreadCommand(ThreadDecisions decisions) : IThreadCommand
{
    public async Task<ThreadCommandReply?> AnswerAsync(ChatTurn turn, TurnLanguage language, CancellationToken cancellationToken) =>
        ApprovalReply.TryParse(turn.Text) is { } command && await decisions.DecideAsync(turn, language, command, cancellationToken) is { } decision
            ? new ThreadCommandReply(decision.Reply, decision.Decided)
            : null;
}
