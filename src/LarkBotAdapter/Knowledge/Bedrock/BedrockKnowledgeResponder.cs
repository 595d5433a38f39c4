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
        var language = request.Language;
        var question = request.Turn.Text.Trim();
        if (question.Length > BedrockKnowledgeOptions.MaxQuestionCharacters)
        {
            // RetrieveAndGenerate takes at most 1,000 characters; the start of a question usually carries it.
            Log.QuestionTruncated(logger, question.Length, BedrockKnowledgeOptions.MaxQuestionCharacters);
            question = Clip(question);
            yield return KnowledgeTexts.QuestionClipped(language) + "\n\n";
        }

        var writer = new CitedAnswerWriter(language.IsChinese);
        var session = StoredSession(request.Attributes);
        var shown = 0;
        var blocked = false;
        var retry = true;
        while (retry)
        {
            retry = false;
            var events = Events(new KnowledgeQuery(question, session), cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (events.ConfigureAwait(false))
            {
                while (!blocked)
                {
                    KnowledgeEvent? next;
                    try
                    {
                        next = await events.MoveNextAsync().ConfigureAwait(false) ? events.Current : null;
                    }
                    catch (AwsServiceException ex) when (session is not null && !writer.HasText && KnowledgeErrors.IsSessionRejected(ex))
                    {
                        Log.SessionRejected(logger, ex.ErrorType);
                        request.Attributes.Remove(SessionAttribute);
                        session = null;
                        retry = true;
                        break;
                    }
                    catch (Exception ex) when (KnowledgeErrors.Translate(ex, options) is { } failure)
                    {
                        Log.Failed(logger, shown, (int)((ex as AwsServiceException)?.StatusCode ?? 0), (ex as AwsServiceException)?.ErrorType);
                        throw failure;
                    }
                    if (next is null)
                    {
                        break;
                    }
                    string text;
                    switch (next.Kind)
                    {
                        case KnowledgeEventKind.Session when next.Text is { } id:
                            request.Attributes[SessionAttribute] = id;
                            text = string.Empty;
                            break;
                        case KnowledgeEventKind.Guardrail when next.IsIntervention:
                            // Whatever Bedrock generates after an intervention is its blocked-message text, not an answer.
                            Log.GuardrailIntervened(logger);
                            blocked = true;
                            text = writer.CloseOpenBlock() + (writer.HasText ? "\n\n" : string.Empty) + KnowledgeTexts.GuardrailBlocked(language);
                            break;
                        case KnowledgeEventKind.Output:
                            text = writer.Output(next.Text ?? string.Empty);
                            break;
                        case KnowledgeEventKind.Citation when next.Citation is { } citation:
                            text = writer.Cite(citation);
                            break;
                        default:
                            text = string.Empty;
                            break;
                    }
                    if (text.Length > 0)
                    {
                        shown += text.Length;
                        yield return text;
                    }
                }
            }
        }
        if (!blocked)
        {
            var rest = writer.Finish();
            if (rest.Length > 0)
            {
                yield return rest;
            }
        }
        Log.Answered(logger, options.Streaming ? "stream" : "whole", shown, blocked ? 0 : writer.SourceCount,
            request.Attributes.TryGetValue(SessionAttribute, out var current) && current != session);
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
