using System.Text.Json;
using ChatOps.Contracts;
using ChatOps.OpsAgent.Aws;
using ChatOps.OpsAgent.Prompting;
using ChatOps.QCliProxy.Aws;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Conversations;
using ChatOps.QCliProxy.Output;
using ChatOps.QCliProxy.Proposals.Capture;
using ChatOps.QCliProxy.Running;
using ChatOps.QCliProxy.Telemetry;

namespace ChatOps.QCliProxy.Chat;

// POST /v1/chat, after SignatureGate found the raw body authentic: validate, admit (or 429), run the CLI in the conversation's
// directory and stream NDJSON ending in exactly one done or error line. Proposals the agent records during the run are
// taken from the run's spool and, for a client that speaks protocol 2, sent as proposal lines as they appear.
internal sealed class ChatHandler(
    ProxyOptions options,
    RunLimiter limiter,
    ConversationLocks locks,
    ConversationStore store,
    CliRunner runner,
    AwsProfileFiles awsFiles,
    ProposalSpool spool,
    ProxyDrain drain,
    ProxyMetrics metrics,
    TimeProvider time,
    ILogger<ChatHandler> logger)
{
    // How often the run's spool is looked at while the CLI runs.
    public static readonly TimeSpan SpoolInterval = TimeSpan.FromMilliseconds(250);

    // body: the exact bytes SignatureGate found authentic.
    public async Task HandleAsync(HttpContext context, byte[] body)
    {
        var aborted = context.RequestAborted;
        var request = Parse(body);
        if (ChatRequestRules.Problem(request, options) is { } problem)
        {
            Log.BadRequest(logger, problem);
            await RefuseAsync(context, StatusCodes.Status400BadRequest, QCliErrorCodes.BadRequest, problem);
            return;
        }

        using var admission = drain.IsDraining ? null : limiter.TryAdmit();
        var conversation = store.DirectoryName(request!.ConversationId!);
        var held = admission is null ? null : await WaitForTurnAsync(admission, conversation, aborted);
        if (held is null || drain.IsDraining)
        {
            held?.Dispose();
            if (drain.IsDraining)
            {
                metrics.Refused(draining: true);
                // 503 with the busy code: the bot retries once, and the balancer sends it to another instance.
                Log.DrainRefused(logger, conversation);
                await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, QCliErrorCodes.Busy, "this proxy instance is draining (shutting down); ask again and another instance answers");
            }
            else if (!aborted.IsCancellationRequested)
            {
                metrics.Refused(draining: false);
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

    // Protocol 2 or later: the client reads proposal lines. A client that sends no version header speaks version 1.
    private static bool SendsProposals(HttpRequest request) =>
        int.TryParse(request.Headers[QCliProtocol.VersionHeader], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
        && version >= 2;

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
        using var either = CancellationTokenSource.CreateLinkedTokenSource(wait.Token, aborted, drain.Draining);
        IDisposable? held = null;
        var waiting = time.GetTimestamp();
        try
        {
            held = await locks.AcquireAsync(conversation, either.Token);
            await admission.WaitForSlotAsync(either.Token);
            metrics.Waited(time.GetElapsedTime(waiting));
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
        var sendsProposals = PrepareStream(context);
        using var writer = new NdjsonWriter(context.Response.BodyWriter);
        var profile = string.IsNullOrEmpty(request.AwsProfile) ? null : request.AwsProfile;
        var proposals = new ProposalLines(writer, spool, sendsProposals, directory.Name, logger);
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

            using var run = await PrepareSpoolAsync(writer, directory, request.ConversationId!, profile, context.RequestAborted);
            if (run is null)
            {
                return;
            }

            if (store.ClearPlantedAgents(directory) is { Count: > 0 } planted)
            {
                Log.PlantedAgentsLeft(logger, directory.Name, string.Join(", ", planted));
                await writer.WriteErrorAsync(QCliErrorCodes.Failed, "the proxy could not remove agent folders left in this conversation's folder; its log says why", context.RequestAborted);
                return;
            }

            var invocation = new CliInvocation(directory.Path, prompt, aws, directory.Resume, spool.Environment(run), spool.SandboxPaths(run));
            RunOutcome outcome;
            await using (proposals.Watch(run, SpoolInterval, time, context.RequestAborted))
            {
                outcome = await runner.RunAsync(invocation, proposals.WriteChunkAsync, context.RequestAborted);
            }

            await proposals.FlushAsync(run, context.RequestAborted);
            await EndAsync(writer, directory, outcome, started, context.RequestAborted);
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

    // 200 with an NDJSON stream; returns whether the client reads proposal lines (and is told the proxy's version).
    private static bool PrepareStream(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = QCliProtocol.NdjsonContentType;
        context.Response.Headers.CacheControl = "no-store";
        var sendsProposals = SendsProposals(context.Request);
        if (sendsProposals)
        {
            context.Response.Headers[QCliProtocol.VersionHeader] = QCliProtocol.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return sendsProposals;
    }

    // Logs how the run ended, keeps the conversation for --resume after a clean exit, and writes the closing line.
    private async Task EndAsync(NdjsonWriter writer, ConversationDirectory directory, RunOutcome outcome, long started, CancellationToken ct)
    {
        var elapsed = time.GetElapsedTime(started);
        Log.RunEnded(logger, directory.Name, outcome.End, outcome.ExitCode, (long)elapsed.TotalMilliseconds, outcome.OutputBytes);
        metrics.Ended(outcome, elapsed);
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

        await RunEndings.WriteAsync(writer, outcome, options, ct);
    }

    // The run's one-profile AWS files; null (after the closing error line) when they cannot be made.
    private async Task<AwsRunFiles?> PrepareAwsFilesAsync(NdjsonWriter writer, ConversationDirectory directory, string? profile, CancellationToken ct)
    {
        try
        {
            return await awsFiles.WriteAsync(profile, directory.Name, ct);
        }
        catch (AwsProfileMissingException e)
        {
            Log.ProfileMissing(logger, directory.Name, e.Profile);
            await writer.WriteErrorAsync(QCliErrorCodes.Failed, e.Message, ct);
        }
        catch (AwsCredentialsException e)
        {
            await writer.WriteErrorAsync(QCliErrorCodes.Failed, e.Message, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.RunFilesFailed(logger, directory.Name, e);
            await writer.WriteErrorAsync(QCliErrorCodes.Failed, "the proxy could not prepare this run's AWS files; its log says why", ct);
        }

        return null;
    }

    // The run's proposal spool; null (after the closing error line) when it cannot be made.
    private async Task<RunSpool?> PrepareSpoolAsync(NdjsonWriter writer, ConversationDirectory directory, string conversationId, string? profile, CancellationToken ct)
    {
        try
        {
            return spool.Create(conversationId, profile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.RunFilesFailed(logger, directory.Name, e);
            await writer.WriteErrorAsync(QCliErrorCodes.Failed, "the proxy could not prepare this run's folders; its log says why", ct);
            return null;
        }
    }

    private static async Task RefuseAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = QCliProtocol.NdjsonContentType;
        using var writer = new NdjsonWriter(context.Response.BodyWriter);
        await writer.WriteErrorAsync(code, message, context.RequestAborted);
    }
}
