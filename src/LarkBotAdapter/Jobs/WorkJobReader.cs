using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Jobs;

// Reads a job delivered to POST /events. A job that can never be run is refused with the reason (a 400, never a 500:
// Lambda would retry it and then keep it as a failure).
public static class WorkJobReader
{
    public static bool TryRead(byte[] body, ChatChannels channels, [NotNullWhen(true)] out WorkJob? job, [NotNullWhen(false)] out string? problem)
    {
        job = Parse(body);
        if (job is not { Kind: WorkJob.TurnKind or WorkJob.ExecuteKind or WorkJob.AlarmKind, Turn: not null }
            || (job.Kind == WorkJob.ExecuteKind && string.IsNullOrWhiteSpace(job.ProposalId))
            || (job.Kind == WorkJob.AlarmKind && string.IsNullOrWhiteSpace(job.Payload)))
        {
            (job, problem) = (null, "not a chat.turn, ops.execute or alarm.notify job");
            return false;
        }
        if ((ChatTurnRules.Problem(job.Turn) ?? (channels.Has(job.Turn.Platform) ? null : "unknown platform")) is { } why)
        {
            (job, problem) = (null, "not a chat.turn job: " + why);
            return false;
        }
        problem = null;
        return true;
    }

    private static WorkJob? Parse(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, WorkJobJsonContext.Default.WorkJob);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
