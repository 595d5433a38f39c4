namespace ChatOps.LarkBotAdapter.Worker;

/// <summary>Hands a job to the worker durably enough that the ingress may acknowledge the platform afterwards.</summary>
public interface IJobDispatcher
{
    /// <summary>Throws when the job could not be handed off; the ingress then releases its claim and answers 5xx so the
    /// platform redelivers.</summary>
    Task DispatchAsync(WorkJob job, CancellationToken cancellationToken);
}
