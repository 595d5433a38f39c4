using System.Collections.Concurrent;
using System.Text;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.LarkBotAdapter.Tests.Faults;

/// <summary>A loopback Lambda Invoke API that accepts async self-invocations and keeps their payloads, so a test can play
/// the Lambda Web Adapter: deliver a job to <c>/events</c>, and deliver it again as Lambda's retry would.</summary>
internal sealed class FakeLambda : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _jobs = new();
    private LoopbackServer _server = null!;

    public static async Task<FakeLambda> StartAsync()
    {
        var lambda = new FakeLambda();
        lambda._server = await LoopbackServer.StartAsync(app => app.MapPost("/2015-03-31/functions/{name}/invocations", async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body, Encoding.UTF8);
            lambda._jobs.Enqueue(await reader.ReadToEndAsync());
            return Results.StatusCode(StatusCodes.Status202Accepted);
        }));
        return lambda;
    }

    /// <summary>Settings that make the app hand off to this fake, as on Lambda.</summary>
    public void Configure(Dictionary<string, string?> settings)
    {
        settings["AWS_LAMBDA_FUNCTION_NAME"] = "chatops-bot";
        settings["AWS_ENDPOINT_URL_LAMBDA"] = _server.BaseAddress.ToString();
    }

    /// <summary>The one job handed off so far.</summary>
    public string Job => Assert.Single(_jobs);

    /// <summary>What the Web Adapter does with an async event: POST it to <c>/events</c> and wait for the job to end.</summary>
    public static Task<HttpResponseMessage> DeliverAsync(ChatOpsApp app, string job, CancellationToken cancellationToken = default) =>
        app.Client.PostAsync("/events", new StringContent(job, Encoding.UTF8, "application/json"), cancellationToken);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
