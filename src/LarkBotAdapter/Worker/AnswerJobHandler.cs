using ChatOps.LarkBotAdapter.Jobs;

namespace ChatOps.LarkBotAdapter.Worker;

// chat.turn: answers the message in its thread (TurnProcessor).
public sealed class AnswerJobHandler(TurnProcessor processor) : IJobHandler
{
    public string Kind => WorkJob.TurnKind;

    public Task HandleAsync(WorkJob job, CancellationToken cancellationToken, CancellationToken stopping) =>
        processor.ProcessAsync(job, cancellationToken, stopping);
}
