using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatOps.Aws;

namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// Bedrock Agent Runtime's RetrieveAndGenerate(Stream) over a typed HttpClient whose handlers sign
// (SigV4, bedrock) and retry; its base address is the Agent Runtime endpoint.
public sealed class BedrockAgentRuntimeClient(HttpClient http, BedrockKnowledgeOptions options)
{
    // The response header that carries the session id of a streamed answer.
    public const string SessionHeader = "x-amzn-bedrock-knowledge-base-session-id";

    // Streams an answer: a KnowledgeEventKind.Session event first (when the header is present),
    // then output, citation and guardrail events as Bedrock sends them.
    // Throws AwsServiceException: A non-success answer, or an exception event in the stream.
    // Throws InvalidDataException: The event stream is cut or corrupt.
    public async IAsyncEnumerable<KnowledgeEvent> StreamAsync(KnowledgeQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = Post("retrieveAndGenerateStream", query, "application/vnd.amazon.eventstream");
        using var response = await http.SendAwsAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.Headers.TryGetValues(SessionHeader, out var values) && values.FirstOrDefault() is { Length: > 0 } sessionId)
        {
            yield return KnowledgeEvent.Session(sessionId);
        }
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var reader = new AwsEventStreamReader(body);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } message)
            {
                if (KnowledgeStreamEvents.Parse(message) is { } parsed)
                {
                    yield return parsed;
                }
            }
        }
    }

    // Asks for the whole answer at once.
    // Throws AwsServiceException: A non-success answer.
    // Throws InvalidDataException: The answer is not the expected JSON.
    public async Task<KnowledgeAnswer> RetrieveAndGenerateAsync(KnowledgeQuery query, CancellationToken cancellationToken)
    {
        using var request = Post("retrieveAndGenerate", query, "application/json");
        using var response = await http.SendAwsAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var wire = await AwsJsonClient.ReadJsonAsync(response, KnowledgeJsonContext.Default.WireAnswer, "RetrieveAndGenerate", cancellationToken).ConfigureAwait(false);
        return KnowledgeWire.Answer(wire);
    }

    private HttpRequestMessage Post(string operation, KnowledgeQuery query, string accept)
    {
        ArgumentNullException.ThrowIfNull(query);
        var request = AwsJsonClient.JsonPost(operation, KnowledgeWire.Request(query, options), KnowledgeJsonContext.Default.WireRequest);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return request;
    }
}
