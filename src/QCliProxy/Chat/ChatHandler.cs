using System.Text.Json;
using ChatOps.Contracts;
using ChatOps.QCliProxy.Aws;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Conversations;
using ChatOps.QCliProxy.Prompting;
using ChatOps.QCliProxy.Running;

namespace ChatOps.QCliProxy.Chat;

// POST /v1/chat: authenticate the raw body, then validate, admit (or 429), run the CLI in the conversation's
// directory and stream NDJSON ending in exactly one done or error line.
internal sealed class ChatHandler(
    RequestAuthenticator authenticator,
    ProxyOptions options,
    RunLimiter limiter,
    ConversationLocks locks,
    ConversationStore store,
    CliRunner runner,
    AwsProfileFiles awsFiles,
    TimeProvider time,
    ILogger<ChatHandler> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        var body = await RequestBody.ReadAsync(context.Request, aborted);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (!authenticator.IsAuthentic(context, body))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var request = Parse(body);
        if (ChatRequestRules.Problem(request, options) is { } problem)
        {
            Log.BadRequest(logger, problem);
            await RefuseAsync(context, StatusCodes.Status400BadRequest, QCliErrorCodes.BadRequest, problem);
            return;
        }

        using var admission = limiter.TryAdmit();
        var conversation = store.DirectoryName(request!.ConversationId!);
        var held = admission is null ? null : await WaitForTurnAsync(admission, conversation, aborted);
        if (held is null)
        {
            if (!aborted.IsCancellationRequested)
            {
                Log.Busy(logger, conversation, limiter.Running, limiter.Waiting);
                await RefuseAsync(context, StatusCodes.Status429TooManyRequests, QCliErrorCodes.Busy, "all CLI slots and the queue are taken; try again in a minute");
            }

            return;
        }

        using (held)
        {
            await RunAsync(context, request, store.Open(request.ConversationId!));
        }
    }

    private static QCliChatRequest? Parse(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, QCliProtocolJsonContext.Default.QCliChatRequest);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The conversation's lock, then a process slot, both within QCLI_QUEUE_TIMEOUT_SECONDS; null when either is not had.
    private async Task<IDisposable?> WaitForTurnAsync(RunLimiter.Admission admission, string conversation, CancellationToken aborted)
    {
        using var wait = new CancellationTokenSource(options.QueueTimeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(wait.Token, aborted);
        IDisposable? held = null;
        try
        {
            held = await locks.AcquireAsync(conversation, either.Token);
            await admission.WaitForSlotAsync(either.Token);
            return held;
        }
        catch (OperationCanceledException)
        {
            held?.Dispose();
            return null;
        }
    }

    private async Task RunAsync(HttpContext context, QCliChatRequest request, ConversationDirectory directory)
    {
        Log.RunStarted(logger, directory.Name, request.User, request.Channel, request.AwsProfile, directory.Resume, request.Prompt!.Length);
        var started = time.GetTimestamp();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = QCliProtocol.NdjsonContentType;
        context.Response.Headers.CacheControl = "no-store";
        using var writer = new NdjsonWriter(context.Response.BodyWriter);
        var profile = string.IsNullOrEmpty(request.AwsProfile) ? null : request.AwsProfile;
        var prompt = PromptFrame.Build(request.Prompt, request.Channel, request.User, profile);
        AwsRunFiles? aws = null;
        try
        {
            await context.Response.StartAsync(context.RequestAborted);
            aws = await PrepareAwsFilesAsync(writer, directory, profile, context.RequestAborted);
            if (aws is null)
            {
                return;
            }

            var invocation = new CliInvocation(directory.Path, prompt, aws, directory.Resume);
            var outcome = await runner.RunAsync(invocation, writer.WriteChunkAsync, context.RequestAborted);
            var elapsed = time.GetElapsedTime(started);
            Log.RunEnded(logger, directory.Name, outcome.End, outcome.ExitCode, (long)elapsed.TotalMilliseconds, outcome.OutputBytes);
            if (outcome.Diagnostics.Length > 0)
            {
                Log.CliStderr(logger, directory.Name, RunEndings.Shorten(outcome.Diagnostics));
            }

            if (outcome.End == RunEnd.ClientGone)
            {
                Log.ClientGone(logger, directory.Name);
            }

            if (outcome is { End: RunEnd.Exited, ExitCode: 0 })
            {
                store.MarkResumable(directory);
            }

            await RunEndings.WriteAsync(writer, outcome, options, context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client left while a line was being written; the runner has already stopped the CLI.
            Log.ClientGone(logger, directory.Name);
        }
        finally
        {
            aws?.Dispose();
            store.Touch(directory.Path);
        }
    }

    // The run's one-profile AWS files; null (after the closing error line) when they cannot be made.
    private async Task<AwsRunFiles?> PrepareAwsFilesAsync(NdjsonWriter writer, ConversationDirectory directory, string? profile, CancellationToken ct)
    {
        try
        {
            return awsFiles.Write(profile);
        }
        catch (AwsProfileMissingException e)
        {
            Log.ProfileMissing(logger, directory.Name, e.Profile);
            await writer.WriteErrorAsync(QCliErrorCodes.Failed, e.Message, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.RunFilesFailed(logger, directory.Name, e);
            await writer.WriteErrorAsync(QCliErrorCodes.Failed, "the proxy could not prepare this run's AWS files; its log says why", ct);
        }

        return null;
    }

    private static async Task RefuseAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = QCliProtocol.NdjsonContentType;
        using var writer = new NdjsonWriter(context.Response.BodyWriter);
        await writer.WriteErrorAsync(code, message, context.RequestAborted);
    }
}
