using System.Text.Json;

namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// Builds request bodies from the options and maps wire answers to the route's own types.
internal static class KnowledgeWire
{
    public static WireRequest Request(KnowledgeQuery query, BedrockKnowledgeOptions options)
    {
        var generation = options.PromptTemplate is null && options.GuardrailId is null
            ? null
            : new WireGenerationConfiguration(
                options.PromptTemplate is { } template ? new WirePromptTemplate(template) : null,
                options.GuardrailId is { } id && options.GuardrailVersion is { } version ? new WireGuardrailConfiguration(id, version) : null);
        return new WireRequest(
            new WireInput(query.Text),
            new WireConfiguration(
                "KNOWLEDGE_BASE",
                new WireKnowledgeBaseConfiguration(
                    options.KnowledgeBaseId,
                    options.ModelArn,
                    new WireRetrievalConfiguration(new WireVectorSearch(options.NumberOfResults)),
                    generation)),
            query.SessionId);
    }

    public static KnowledgeAnswer Answer(WireAnswer wire) => new(
        wire.Output?.Text ?? string.Empty,
        wire.Citations?.Select(Citation).ToArray() ?? [],
        wire.GuardrailAction,
        wire.SessionId);

    public static KnowledgeCitation Citation(WireCitationEvent wire) =>
        wire.GeneratedResponsePart is not null || wire.RetrievedReferences is not null
            ? Citation(new WireCitation(wire.GeneratedResponsePart, wire.RetrievedReferences))
            : Citation(wire.Citation ?? new WireCitation(null, null));

    public static KnowledgeCitation Citation(WireCitation wire)
    {
        var part = wire.GeneratedResponsePart?.TextResponsePart;
        return new KnowledgeCitation(
            part?.Span?.Start,
            part?.Span?.End,
            part?.Text,
            wire.RetrievedReferences?.Select(Reference).ToArray() ?? []);
    }

    private static KnowledgeReference Reference(WireReference wire)
    {
        var location = wire.Location;
        var link = FirstLink(location?.S3Location, location?.WebLocation, location?.ConfluenceLocation, location?.SharePointLocation,
                       location?.SalesforceLocation, location?.OneDriveLocation, location?.GoogleDriveLocation, location?.KendraDocumentLocation)
                   ?? Metadata(wire.Metadata, "x-amz-bedrock-kb-source-uri");
        var title = Metadata(wire.Metadata, "title") ?? location?.CustomDocumentLocation?.Id;
        return new KnowledgeReference(location?.Type, link, title);
    }

    private static string? FirstLink(params WireLink?[] links) =>
        links.Select(l => l?.Uri ?? l?.Url).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));

    private static string? Metadata(Dictionary<string, JsonElement>? metadata, string key)
    {
        if (metadata is null)
        {
            return null;
        }
        foreach (var (name, value) in metadata)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        return null;
    }
}
