using System.Runtime.CompilerServices;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Routing;

namespace ChatOps.LarkBotAdapter.Local.Ops;

// ask's aws_ops route without a proxy: runs the kiro-cli or q found on PATH as the proxy would (LocalOpsRun) and
// streams its cleaned output as the answer. A failure sets the command's exit code and is told as the answer's end.
public sealed class LocalOpsResponder(LocalEnvironment environment, string cli, AskOptions ask, AskOutcome outcome) : IResponder
{
    public Intent Intent => Intent.AwsOps;

    public string Model => Path.GetFileName(cli);

    public async IAsyncEnumerable<string> AnswerAsync(ResponderRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var run = Prepare(request.Turn.Text);
        var process = new LocalCliProcess(run.Start);
        await foreach (var text in Guard(process.RunAsync(cancellationToken), cancellationToken))
        {
            yield return text;
        }

        if (process.ExitCode != 0)
        {
            outcome.Fail(AskOutcome.RouteFailed);
            var detail = process.Diagnostics.Trim() is { Length: > 0 } stderr ? ": " + stderr.Split('\n')[0] : "";
            throw new ResponderException($"{Model} exited with code {process.ExitCode}{detail}", retryable: true);
        }

        // Like the proxy: only a clean exit leaves a conversation the next ask resumes.
        LocalConversations.MarkResumable(run.Conversation);
    }

    private LocalOpsRun Prepare(string question)
    {
        try
        {
            return LocalOpsRun.Prepare(environment, cli, ask, question);
        }
        catch (LocalRunException e)
        {
            outcome.Fail(AskOutcome.RouteFailed);
            throw new ResponderException(e.Message, retryable: false, e);
        }
    }

    private async IAsyncEnumerable<string> Guard(IAsyncEnumerable<string> texts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var items = texts.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await items.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (LocalRunException e)
            {
                outcome.Fail(AskOutcome.RouteFailed);
                throw new ResponderException(e.Message, retryable: false, e);
            }
            catch (OperationCanceledException)
            {
                // The answer's deadline ended the run (the CLI's process tree is killed): the command failed too.
                outcome.Fail(AskOutcome.RouteFailed);
                throw;
            }

            yield return items.Current;
        }
    }
}
