using System.Text.Encodings.Web;
using System.Text.Json;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Jobs;
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
          LarkBotAdapter ask "<question>" [--json] [--channel slack]
                                              answer one question through the real pipeline and print it
                                              (--channel slack: each segment as Slack mrkdwn, as Slack receives it)
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
        return builder.Build();
    }

    private static async Task<int> AskAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var json = args.Contains("--json");
        var at = Array.IndexOf(args, "--channel");
        var channel = at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        if (at >= 0 && channel != Platforms.Slack)
        {
            await error.WriteLineAsync("--channel supports: slack");
            return 2;
        }
        Func<string, string> render = channel == Platforms.Slack ? SlackMrkdwn.Convert : static markdown => markdown;
        var question = string.Join(' ', args.Where((a, i) => a != "--json" && (at < 0 || (i != at && i != at + 1)))).Trim();
        if (question.Length == 0)
        {
            await error.WriteLineAsync("ask needs a question, e.g. ask \"what is the SLA of checkout-api?\"");
            return 2;
        }
        var turn = new ChatTurn(ConsoleChatChannel.PlatformName, "local", "console", ChatTypes.Direct, $"local-{Guid.NewGuid():N}",
            null, null, Environment.UserName, "text", question, []);
        var processor = services.GetRequiredService<TurnProcessor>();
        var time = services.GetRequiredService<TimeProvider>();
        var intent = await processor.ProcessAsync(new WorkJob(WorkJob.TurnKind, turn, 1, time.GetUtcNow()), CancellationToken.None);
        var segments = services.GetRequiredService<ConsoleChatChannel>().Segments;
        if (json)
        {
            var result = new AskOutput(question, intent?.Intent.ToLabel(), intent?.Source, intent?.Confidence,
                segments.Select(s => new AskSegment(s.Index, s.IsFinal, render(s.Markdown))).ToArray());
            await output.WriteLineAsync(JsonSerializer.Serialize(result, Output.GetTypeInfo(typeof(AskOutput))));
            return 0;
        }
        await output.WriteLineAsync($"intent: {intent?.Intent.ToLabel() ?? "-"} ({intent?.Source ?? "none"})");
        foreach (var segment in segments)
        {
            await output.WriteLineAsync($"--- segment {segment.Index + 1}/{segments.Count}{(segment.IsFinal ? " (final)" : "")} ---");
            await output.WriteLineAsync(render(segment.Markdown));
        }
        return 0;
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
