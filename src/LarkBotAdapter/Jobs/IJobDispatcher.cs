namespace ChatOps.LarkBotAdapter.Jobs;

// Hands a job to the worker durably enough that the ingress may acknowledge the platform afterwards.
public interface IJobDispatcher
{
    // Throws when the job could not be handed off; the ingress then releases its claim and answers 5xx so the
    // platform redelivers.
    Task DispatchAsync(WorkJob job, CancellationToken cancellationToken);
}
