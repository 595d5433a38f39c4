using System.Text.Json.Nodes;

namespace ChatOps.TestKit.Bedrock;

/// <summary>A scripted knowledge-base answer: parts of text, each optionally cited. Streamed as output events of
/// <see cref="ChunkSize"/> characters per part, each cited part followed by its citation event (as Bedrock orders them).</summary>
public sealed record FakeKnowledgeAnswer(IReadOnlyList<FakeKnowledgePart> Parts)
{
    /// <summary>Characters per output event.</summary>
    public int ChunkSize { get; init; } = 16;

    /// <summary>Pause before each frame after the first, as a model writing its answer (benches).</summary>
    public TimeSpan FrameDelay { get; init; }

    /// <summary>Citation events in the deprecated nested <c>{"citation": {...}}</c> shape instead of the flat one.</summary>
    public bool NestedCitations { get; init; }

    /// <summary>Span ends as exclusive indexes (<c>start + length</c>) instead of the last cited character.</summary>
    public bool ExclusiveSpanEnds { get; init; }

    /// <summary>The whole answer text.</summary>
    public string Text => string.Concat(Parts.Select(p => p.Text));

    public static FakeKnowledgeAnswer Of(params FakeKnowledgePart[] parts) => new(parts);

    public static FakeKnowledgePart Part(string text, params FakeSource[] sources) => new(text, sources);

    /// <summary>The answer the fake gives when nothing is scripted: two cited sentences from two runbooks.</summary>
    public static FakeKnowledgeAnswer Default { get; } = Of(
        Part("Restart the checkout pods with a rolling restart.", FakeSource.S3("s3://test-runbooks/checkout/restart.md")),
        Part(" The SLA for checkout-api is 99.9% per month.", FakeSource.Confluence("https://wiki.example.test/display/OPS/SLA", "Service SLAs")));

    /// <summary>The stream's event frames, in order.</summary>
    public IEnumerable<byte[]> Frames()
    {
        var start = 0;
        foreach (var part in Parts)
        {
            for (var i = 0; i < part.Text.Length; i += ChunkSize)
            {
                var chunk = part.Text.Substring(i, Math.Min(ChunkSize, part.Text.Length - i));
                yield return EventStreamEncoder.Event("output", new JsonObject { ["text"] = chunk }.ToJsonString());
            }
            if (part.Sources.Count > 0)
            {
                var citation = Citation(part, start);
                var payload = NestedCitations ? new JsonObject { ["citation"] = citation } : citation;
                yield return EventStreamEncoder.Event("citation", payload.ToJsonString());
            }
            start += part.Text.Length;
        }
    }

    /// <summary>The RetrieveAndGenerate (non-streaming) JSON answer.</summary>
    public JsonObject Whole(string sessionId, string? guardrailAction = null)
    {
        var citations = new JsonArray();
        var start = 0;
        foreach (var part in Parts)
        {
            if (part.Sources.Count > 0)
            {
                citations.Add(Citation(part, start));
            }
            start += part.Text.Length;
        }
        var answer = new JsonObject
        {
            ["output"] = new JsonObject { ["text"] = Text },
            ["citations"] = citations,
            ["sessionId"] = sessionId,
        };
        if (guardrailAction is not null)
        {
            answer["guardrailAction"] = guardrailAction;
        }
        return answer;
    }

    private JsonObject Citation(FakeKnowledgePart part, int start) => new()
    {
        ["generatedResponsePart"] = new JsonObject
        {
            ["textResponsePart"] = new JsonObject
            {
                ["text"] = part.Text,
                ["span"] = new JsonObject { ["start"] = start, ["end"] = start + part.Text.Length - (ExclusiveSpanEnds ? 0 : 1) },
            },
        },
        ["retrievedReferences"] = new JsonArray(part.Sources.Select(s => (JsonNode)s.Reference(part.Text.Trim())).ToArray()),
    };
}
