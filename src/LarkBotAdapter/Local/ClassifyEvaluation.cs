using ChatOps.IntentRecognition;
using ChatOps.IntentRecognition.Evaluation;
using ChatOps.IntentRecognition.Model;
using ChatOps.LarkBotAdapter.Routing;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Local;

// classify --eval labelled.tsv [--model <id>]: scores the embedded classifier, or a Bedrock model beside the embedded one and
// the cascade of both, so an operator can compare them on their own questions before choosing RECOGNITION_MODEL_ID.
// classify --calibrate labelled.tsv [--model <id>]: the share decided locally and its accuracy per INTENT_LOCAL_CONFIDENCE.
internal static class ClassifyEvaluation
{
    public const string Usage = "usage: classify --eval labelled.tsv [--model <bedrock model id>], or classify --calibrate labelled.tsv [--model <id>]";

    public static bool Handles(string[] args) => args.Contains("--eval") || args.Contains("--calibrate");

    public static string? ModelArgument(string[] args)
    {
        var at = Array.IndexOf(args, "--model");
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, ConsoleReport report)
    {
        var calibrate = args.Contains("--calibrate");
        var at = Array.IndexOf(args, calibrate ? "--calibrate" : "--eval");
        var path = at + 1 < args.Length ? args[at + 1] : null;
        if (path is null || path.StartsWith("--", StringComparison.Ordinal) || (Array.IndexOf(args, "--model") is var m && m >= 0 && m + 1 >= args.Length))
        {
            report.Usage(Usage);
            return ExitCodes.Usage;
        }

        if (Load(path, report) is not var (file, questions))
        {
            return ExitCodes.Usage;
        }

        var model = ModelArgument(args);
        var threshold = model is null ? CascadeIntentClassifier.DefaultLocalConfidence
            : services.GetRequiredService<IOptions<IntentCascadeOptions>>().Value.LocalConfidence;
        var run = new EvaluationRun(
            services.GetRequiredService<LocalIntentClassifier>(),
            model is null ? null : services.GetRequiredService<BedrockIntentClassifier>(),
            services.GetRequiredService<TimeProvider>(),
            report);
        var classified = await run.ClassifyAsync(questions);
        await output.WriteLineAsync($"classifier: {(model is null ? "embedded (local model)" : $"bedrock {model}")}   data: {file}");
        if (calibrate)
        {
            await output.WriteAsync(new LocalConfidenceCalibration(classified).Format());
            return ExitCodes.Ok;
        }

        var comparison = new CascadeComparison(classified);
        var price = model is null ? null : ModelPrice.For(model);
        await output.WriteAsync((model is null ? comparison.Local() : comparison.Bedrock()).Format(price));
        if (model is not null)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync($"local first, bedrock when unsure (INTENT_LOCAL_CONFIDENCE={threshold:0.00}):");
            await output.WriteAsync(comparison.Format(threshold, price));
        }

        return ExitCodes.Ok;
    }

    private static (string Path, IReadOnlyList<LabelledQuestion> Questions)? Load(string path, ConsoleReport report)
    {
        // `dotnet run --project` starts the app in the project folder; a relative path means the caller's folder (PWD).
        if (!Path.IsPathRooted(path) && !File.Exists(path) && Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } caller
            && File.Exists(Path.Combine(caller, path)))
        {
            path = Path.Combine(caller, path);
        }

        try
        {
            return (path, LabelledQuestions.Load(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            report.Usage($"{path}: {e.Message}");
            return null;
        }
    }
}
