using ChatOps.IntentRecognition;
using ChatOps.IntentRecognition.Evaluation;
using ChatOps.IntentRecognition.Model;

namespace ChatOps.LarkBotAdapter.Local;

// classify --eval labelled.tsv [--model <bedrock model id>]: scores one classifier on labelled questions so an operator can
// compare the embedded model and Bedrock models on their own questions before choosing RECOGNITION_MODEL_ID.
internal static class ClassifyEvaluation
{
    public static string? ModelArgument(string[] args)
    {
        var at = Array.IndexOf(args, "--model");
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var at = Array.IndexOf(args, "--eval");
        var path = at + 1 < args.Length ? args[at + 1] : null;
        if (path is null || path.StartsWith("--", StringComparison.Ordinal) || (Array.IndexOf(args, "--model") is var m && m >= 0 && m + 1 >= args.Length))
        {
            await error.WriteLineAsync("usage: classify --eval labelled.tsv [--model <bedrock model id>]");
            return 2;
        }

        // `dotnet run --project` starts the app in the project folder; a relative path means the caller's folder (PWD).
        if (!Path.IsPathRooted(path) && !File.Exists(path) && Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } caller
            && File.Exists(Path.Combine(caller, path)))
        {
            path = Path.Combine(caller, path);
        }

        IReadOnlyList<LabelledQuestion> questions;
        try
        {
            questions = LabelledQuestions.Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            await error.WriteLineAsync($"{path}: {e.Message}");
            return 2;
        }

        var model = ModelArgument(args);
        // A Bedrock model is measured alone: a fallback to the local classifier would hide its failures.
        IIntentClassifier classifier = model is null
            ? services.GetRequiredService<LocalIntentClassifier>()
            : services.GetRequiredService<BedrockIntentClassifier>();
        var time = services.GetRequiredService<TimeProvider>();
        var evaluation = new IntentEvaluation();
        foreach (var question in questions)
        {
            var started = time.GetTimestamp();
            IntentResult? result = null;
            try
            {
                result = await classifier.ClassifyAsync(IntentRequest.Single(question.Text), CancellationToken.None);
            }
            catch (IntentClassificationException e)
            {
                await error.WriteLineAsync($"failed ({e.Message}): {question.Text}");
            }

            evaluation.Add(question.Intent, result?.Intent, time.GetElapsedTime(started), result?.Usage);
        }

        await output.WriteLineAsync($"classifier: {(model is null ? "embedded (local model)" : $"bedrock {model}")}   data: {path}");
        await output.WriteAsync(evaluation.Format(model is null ? null : ModelPrice.For(model)));
        return 0;
    }
}
