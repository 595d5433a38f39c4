using System.Net;
using ChatOps.Aws;

namespace ChatOps.LarkBotAdapter.Jobs;

// The hand-off on Lambda: an async self-invocation (Invoke with X-Amz-Invocation-Type: Event). Lambda
// queues it, retries failures and sends what still fails to the on-failure destination; the Web Adapter delivers it to
// POST /events.
public sealed class LambdaJobDispatcher(HttpClient http, WorkerOptions options, IConfiguration configuration) : IJobDispatcher
{
    public async Task DispatchAsync(WorkJob job, CancellationToken cancellationToken)
    {
        if (job.Hop > WorkJob.MaxHops)
        {
            throw new InvalidOperationException($"Job {job.Turn.ClaimKey} would be handed off a second time.");
        }
        var function = options.LambdaFunctionName ?? throw new InvalidOperationException("AWS_LAMBDA_FUNCTION_NAME is not set.");
        var path = $"2015-03-31/functions/{Uri.EscapeDataString(function)}/invocations";
        // Invoke the version that is running (a SnapStart version behind the alias), not $LATEST.
        var version = configuration["AWS_LAMBDA_FUNCTION_VERSION"];
        if (!string.IsNullOrEmpty(version) && version != "$LATEST")
        {
            path += $"?Qualifier={Uri.EscapeDataString(version)}";
        }
        using var request = AwsJsonClient.JsonPost(path, job, WorkJobJsonContext.Default.WorkJob);
        request.Headers.Add("X-Amz-Invocation-Type", "Event");
        // An async invoke is queued only on 202; anything else is an AwsServiceException carrying Lambda's error.
        using var response = await http.SendAwsAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken, HttpStatusCode.Accepted);
    }
}
