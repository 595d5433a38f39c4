using ChatOps.Aws;
using ChatOps.IntentRecognition;
using ChatOps.IntentRecognition.Evaluation;
using ChatOps.IntentRecognition.Model;

namespace ChatOps.LarkBotAdapter.Local;

// Classifies labelled questions once with the embedded classifier and, when asked, once with Bedrock alone (no fallback,
// so its failures show), timing each; the cascade at any threshold is then scored from these answers.
internal sealed class EvaluationRun(LocalIntentClassifier local, BedrockIntentClassifier? bedrock, TimeProvider time, ConsoleReport report)
{
    public async Task<IReadOnlyList<ClassifiedQuestion>> ClassifyAsync(IReadOnlyList<LabelledQuestion> questions)
    {
        var classified = new List<ClassifiedQuestion>(questions.Count);
        foreach (var question in questions)
        {
            var request = IntentRequest.Single(question.Text);
            var started = time.GetTimestamp();
            var mine = local.Classify(request);
            var item = new ClassifiedQuestion(question.Intent, request, mine, time.GetElapsedTime(started));
            if (bedrock is not null)
            {
                started = time.GetTimestamp();
                var theirs = await AskAsync(bedrock, request);
                item = item with { BedrockAsked = true, Bedrock = theirs, BedrockLatency = time.GetElapsedTime(started) };
            }

            classified.Add(item);
        }

        return classified;
    }

    private async Task<IntentResult?> AskAsync(BedrockIntentClassifier remote, IntentRequest request)
    {
        try
        {
            return await remote.ClassifyAsync(request, CancellationToken.None);
        }
        catch (Exception e)
        {
            // No caller cancels here, so a cancellation is a timeout: a failure like any other.
            // The classifier's own log line already reported AWS errors and unusable answers (once, with what to check).
            if (e is AwsServiceException or IntentClassificationException)
            {
                report.Detail(e.ToString());
            }
            else
            {
                report.Problem(e);
            }

            return null;
        }
    }
}
