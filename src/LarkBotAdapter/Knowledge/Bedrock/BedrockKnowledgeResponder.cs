using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ChatOps.Aws;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// Answers knowledge_base questions with Bedrock Knowledge Bases (RetrieveAndGenerate): text as it streams,
// [n] markers on cited spans, a Sources list at the end. The thread keeps its Bedrock session in
// ResponderRequest.Attributes under SessionAttribute; a session Bedrock rejects (expired
// after 24 h, or unknown) is dropped and the question asked once more without it. With KNOWLEDGE_STREAMING=false
// the whole answer is fetched at once; a failed stream is not retried as a whole answer (it would fail the same way,
// and the HTTP pipeline has already retried). Questions over 1,000 characters are answered from their first 1,000,
// with a one-line notice. A guardrail intervention ends the answer with a notice instead of Bedrock's blocked text.
public sealed partial class BedrockKnowledgeResponder(
    BedrockAgentRuntimeClient client,
    BedrockKnowledgeOptions options,
    ILogger<BedrockKnowledgeResponder> logger) : IResponder
{
    // The thread attribute holding the Bedrock session id.
    public const string SessionAttribute = "kb.sessionId";

    public Intent Intent => Intent.KnowledgeBase;

    public string Model => options.ModelArn[(options.ModelArn.LastIndexOf('/') + 1)..];

    public async IAsyncEnumerable<string> AnswerAsync(ResponderRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var question = request.Turn.Text.Trim();
        if (question.Length > BedrockKnowledgeOptions.MaxQuestionCharacters)
        {
            // RetrieveAndGenerate takes at most 1,000 characters; the start of a question usually carries it.
            Log.QuestionTruncated(logger, question.Length, BedrockKnowledgeOptions.MaxQuestionCharacters);
            question = Clip(question);
            yield return KnowledgeTexts.QuestionClipped(request.Language) + "\n\n";
        }

        var answer = new AnswerState(request, StoredSession(request.Attributes));
        var firstSession = answer.Session;
        do
        {
            answer.Retry = false;
            await foreach (var text in AskOnceAsync(question, answer, cancellationToken).ConfigureAwait(false))
            {
                yield return text;
            }
        }
        while (answer.Retry);
        if (!answer.Blocked && answer.Writer.Finish() is { Length: > 0 } rest)
        {
            yield return rest;
        }
        Log.Answered(logger, options.Streaming ? "stream" : "whole", answer.Shown, answer.Blocked ? 0 : answer.Writer.SourceCount,
            request.Attributes.TryGetValue(SessionAttribute, out var current) && current != firstSession);
    }

    // One RetrieveAndGenerate call, its events written as answer text; a rejected session ends it with Retry set.
    private async IAsyncEnumerable<string> AskOnceAsync(string question, AnswerState answer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = Events(new KnowledgeQuery(question, answer.Session), cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (events.ConfigureAwait(false))
        {
            while (!answer.Blocked && await NextAsync(events, answer).ConfigureAwait(false) is { } next)
            {
                var text = Write(next, answer);
                if (text.Length > 0)
                {
                    answer.Shown += text.Length;
                    yield return text;
                }
            }
        }
    }

    private async Task<KnowledgeEvent?> NextAsync(IAsyncEnumerator<KnowledgeEvent> events, AnswerState answer)
    {
        try
        {
            return await events.MoveNextAsync().ConfigureAwait(false) ? events.Current : null;
        }
        catch (AwsServiceException ex) when (answer.Session is not null && !answer.Writer.HasText && KnowledgeErrors.IsSessionRejected(ex))
        {
            Log.SessionRejected(logger, ex.ErrorType);
            answer.Request.Attributes.Remove(SessionAttribute);
            answer.Session = null;
            answer.Retry = true;
            return null;
        }
        catch (Exception ex) when (KnowledgeErrors.Translate(ex, options) is { } failure)
        {
            Log.Failed(logger, answer.Shown, (int)((ex as AwsServiceException)?.StatusCode ?? 0), (ex as AwsServiceException)?.ErrorType);
            throw failure;
        }
    }

    private string Write(KnowledgeEvent next, AnswerState answer)
    {
        var writer = answer.Writer;
        switch (next.Kind)
        {
            case KnowledgeEventKind.Session when next.Text is { } id:
                answer.Request.Attributes[SessionAttribute] = id;
                return string.Empty;
            case KnowledgeEventKind.Guardrail when next.IsIntervention:
                // Whatever Bedrock generates after an intervention is its blocked-message text, not an answer.
                Log.GuardrailIntervened(logger);
                answer.Blocked = true;
                return writer.CloseOpenBlock() + (writer.HasText ? "\n\n" : string.Empty) + KnowledgeTexts.GuardrailBlocked(answer.Request.Language);
            case KnowledgeEventKind.Output:
                return writer.Output(next.Text ?? string.Empty);
            case KnowledgeEventKind.Citation when next.Citation is { } citation:
                return writer.Cite(citation);
            default:
                return string.Empty;
        }
    }

    // What one answer has written so far, across a retry without the rejected session.
    private sealed class AnswerState(ResponderRequest request, string? session)
    {
        public ResponderRequest Request { get; } = request;

        public CitedAnswerWriter Writer { get; } = new(request.Language.IsChinese);

        public string? Session { get; set; } = session;

        public int Shown { get; set; }

        public bool Blocked { get; set; }

        public bool Retry { get; set; }
    }

    private IAsyncEnumerable<KnowledgeEvent> Events(KnowledgeQuery query, CancellationToken cancellationToken) =>
        options.Streaming ? client.StreamAsync(query, cancellationToken) : WholeAnswerAsync(query, cancellationToken);

    private async IAsyncEnumerable<KnowledgeEvent> WholeAnswerAsync(KnowledgeQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var answer = await client.RetrieveAndGenerateAsync(query, cancellationToken).ConfigureAwait(false);
        foreach (var item in answer.ToEvents())
        {
            yield return item;
        }
    }

    // A stored id that Bedrock could never have issued is dropped rather than sent.
    private static string? StoredSession(IDictionary<string, string> attributes)
    {
        if (!attributes.TryGetValue(SessionAttribute, out var id))
        {
            return null;
        }
        if (SessionIdPattern().IsMatch(id))
        {
            return id;
        }
        attributes.Remove(SessionAttribute);
        return null;
    }

    private static string Clip(string question)
    {
        var length = BedrockKnowledgeOptions.MaxQuestionCharacters;
        return question[..(char.IsHighSurrogate(question[length - 1]) ? length - 1 : length)];
    }

    [GeneratedRegex("^[0-9a-zA-Z._:-]{2,100}$")]
    private static partial Regex SessionIdPattern();
}
