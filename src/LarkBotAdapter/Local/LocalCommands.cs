using System.Text.Encodings.Web;
using System.Text.Json;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Local.Ops;
using ChatOps.LarkBotAdapter.ProxyClient;
using ChatOps.LarkBotAdapter.Scrubbing;
using ChatOps.LarkBotAdapter.Worker;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Local;

// The embedded mode: ask "question" [--json] and classify (questions on stdin) run the real
// pipeline on this machine — local classifier and in-memory state unless the environment configures AWS.
public static class LocalCommands
{
    private static readonly JsonSerializerOptions Output = new(LocalJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static bool Handles(string[] args) =>
        ConsoleReport.TakeVerbose(args).Args is [("ask" or "classify" or "audit" or "help" or "--help"), ..];

    // settings: configuration on top of the environment (tests point Bedrock at a loopback fake with it).
    public static async Task<int> RunAsync(string[] args, TextReader? input = null, TextWriter? output = null, TextWriter? error = null,
        IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        input ??= Console.In;
        output ??= Console.Out;
        error ??= Console.Error;
        (args, var verbose) = ConsoleReport.TakeVerbose(args);
        if (args is [] or ["help" or "--help", ..])
        {
            await output.WriteLineAsync(Usage);
            return ExitCodes.Ok;
        }
        var report = new ConsoleReport(error, verbose);
        try
        {
            using var host = BuildHost(args, settings, report);
            return report.Exit(args[0] switch
            {
                "ask" => await AskAsync(host.Services, args[1..], output, error),
                "audit" => await AuditCommand.RunConsoleAsync(host.Services, args[1..], output, error, report),
                _ when ClassifyEvaluation.Handles(args) => await ClassifyEvaluation.RunAsync(host.Services, args[1..], output, report),
                _ => await ClassifyAsync(host.Services, input, output),
            });
        }
        catch (OptionsValidationException e)
        {
            report.Problem(e);
            return report.Exit(ExitCodes.Configuration);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            report.Problem(e);
            return report.Exit(ExitCodes.Failed);
        }
    }

    private const string Usage = """
        Usage:
          LarkBotAdapter                      serve /lark/events, /slack/*, /events and /healthz
          LarkBotAdapter ask "<question>" [--json] [--channel slack] [--profile NAME] [--conversation NAME] [--new]
                                              answer one question through the real pipeline and print it as it streams
                                              (--channel slack: each segment as Slack mrkdwn, as Slack receives it);
                                              without a proxy, aws_ops runs the kiro-cli or q on PATH in the profile
                                              NAME of ~/.aws/config and resumes the conversation (--new: start afresh)
          LarkBotAdapter classify             read questions (one per line) on stdin, print one JSON line each
          LarkBotAdapter classify --eval labelled.tsv [--model <bedrock model id>]
                                              score the embedded classifier (or a Bedrock model, beside the embedded
                                              one and their cascade) on labelled questions (label<TAB>text or
                                              label<TAB>lang<TAB>topic<TAB>text): confusion matrix, precision/recall,
                                              share decided locally, p50/p99 latency, tokens and cost per 1,000 questions
          LarkBotAdapter classify --calibrate labelled.tsv [--model <bedrock model id>]
                                              per INTENT_LOCAL_CONFIDENCE: the share the embedded classifier decides,
                                              its accuracy there (and the cascade's with --model); suggests a value
          LarkBotAdapter audit [--since 7d]   print the approval audit trail (proposals, decisions, executions) from
                                              the state table (CHATOPS_STATE_TABLE), oldest first; --since 12h, 30d, …
        Every command: --verbose prints details (exceptions, retries, log entries) after the one-line problems.
        Exit codes: 0 ok, 1 done with problems (stderr says which), 2 usage error, 3 configuration error.
        """;

    private static IHost BuildHost(string[] args, IEnumerable<KeyValuePair<string, string?>>? settings, ConsoleReport report)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = false });
        // The answer goes to stdout; problems go to stderr through the report, one line each (details with --verbose).
        var level = report.Verbose ? LogLevel.Information : LogLevel.Warning;
        builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", level.ToString())]);
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        if (ClassifyEvaluation.ModelArgument(args) is { } model)
        {
            builder.Configuration.AddInMemoryCollection([new("RECOGNITION_MODEL_ID", model)]);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ConsoleReportLoggerProvider(report)).SetMinimumLevel(level);
        builder.Services.AddChatOpsCore(builder.Configuration);
        builder.Services.AddSingleton<ConsoleChatChannel>();
        builder.Services.AddScrubbedChatChannel<ConsoleChatChannel>();
        if (args[0] == "ask")
        {
            NotedClassifier.Register(builder.Services);
            builder.Services.AddLocalOps(builder.Configuration, LocalEnvironment.Read(settings), AskArguments.Parse(args[1..]).Options);
        }

        return builder.Build();
    }

    private static async Task<int> AskAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var ask = AskArguments.Parse(args);
        if ((ask.Problem ?? LocalRouteProblem(services, ask.Options)) is { } problem)
        {
            await error.WriteLineAsync(problem);
            return ExitCodes.Usage;
        }
        Func<string, string> render = ask.Channel == Platforms.Slack ? SlackMrkdwn.Convert : static markdown => markdown;
        var question = ask.Question;
        if (question.Length == 0)
        {
            await error.WriteLineAsync("ask needs a question, e.g. ask \"what is the SLA of checkout-api?\"");
            return ExitCodes.Usage;
        }
        // Every run of one conversation is a reply in one thread, whose earlier turns AskThread keeps between runs.
        var turn = new ChatTurn(ConsoleChatChannel.PlatformName, "local", "console", ChatTypes.Direct, $"local-{Guid.NewGuid():N}",
            AskThread.RootId(ask.Options), null, Environment.UserName, "text", question, []);
        var thread = services.GetRequiredService<AskThread>();
        if (await thread.RestoreAsync(ask.Options, turn.ThreadKey, CancellationToken.None) is { } lost)
        {
            await error.WriteLineAsync(lost);
        }
        var channel = services.GetRequiredService<ConsoleChatChannel>();
        var printed = ask.Json ? null : PrintWhileStreaming(channel, services.GetRequiredService<NotedClassifier>(), output, render);
        var processor = services.GetRequiredService<TurnProcessor>();
        var time = services.GetRequiredService<TimeProvider>();
        var intent = await processor.ProcessAsync(new WorkJob(WorkJob.TurnKind, turn, 1, time.GetUtcNow()), CancellationToken.None);
        await thread.KeepAsync(ask.Options, turn.ThreadKey, CancellationToken.None);
        var exitCode = services.GetRequiredService<AskOutcome>().ExitCode;
        if (ask.Json)
        {
            var segments = channel.Segments;
            var result = new AskOutput(question, intent?.Intent.ToLabel(), intent?.Source, intent?.Confidence,
                segments.Select(s => new AskSegment(s.Index, s.IsFinal, render(s.Markdown))).ToArray());
            await output.WriteLineAsync(JsonSerializer.Serialize(result, Output.GetTypeInfo(typeof(AskOutput))));
            return exitCode;
        }
        if (printed?.Invoke() != true)
        {
            await output.WriteLineAsync(IntentLine(intent));
        }
        return exitCode;
    }

    // Prints each segment as the worker posts it, after the intent line, while the answer streams; the function
    // returned says whether anything was printed.
    private static Func<bool> PrintWhileStreaming(ConsoleChatChannel channel, NotedClassifier noted, TextWriter output, Func<string, string> render)
    {
        var headed = false;
        channel.Posted = segment =>
        {
            if (!headed)
            {
                output.WriteLine(IntentLine(noted.Last));
                headed = true;
            }
            output.WriteLine($"--- segment {segment.Index + 1}{(segment.IsFinal ? " (final)" : "")} ---");
            output.WriteLine(render(segment.Markdown));
            output.Flush();
        };
        return () => headed;
    }

    private static string IntentLine(IntentResult? intent) => $"intent: {intent?.Intent.ToLabel() ?? "-"} ({intent?.Source ?? "none"})";

    // --profile is for the laptop route, checked before anything runs: the profile must be in the user's AWS files.
    private static string? LocalRouteProblem(IServiceProvider services, AskOptions options)
    {
        if (options.Profile is null)
        {
            return null;
        }
        if (QCliProxyOptions.IsRequested(services.GetRequiredService<IConfiguration>()))
        {
            return "--profile is for the laptop route; with a proxy configured (QLI_SERVER_ADDRESS) the proxy's profiles apply (QCLI_AWS_PROFILES)";
        }
        return LocalAwsFiles.Problem(services.GetRequiredService<LocalEnvironment>(), options.Profile);
    }

    private static async Task<int> ClassifyAsync(IServiceProvider services, TextReader input, TextWriter output)
    {
        var classifier = services.GetRequiredService<IIntentClassifier>();
        while (await input.ReadLineAsync() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var text = line.Trim();
            var result = await classifier.ClassifyAsync(IntentRequest.Single(text), CancellationToken.None);
            var row = new ClassifyOutput(text, result.Intent.ToLabel(), result.Source, result.Confidence);
            await output.WriteLineAsync(JsonSerializer.Serialize(row, Output.GetTypeInfo(typeof(ClassifyOutput))));
        }
        return 0;
    }
}
