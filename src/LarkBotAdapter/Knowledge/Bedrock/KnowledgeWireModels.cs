using System.Text.Json;

namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// Bedrock Agent Runtime JSON (service model bedrock-agent-runtime 2023-07-26): only the fields this route uses.

internal sealed record WireRequest(WireInput Input, WireConfiguration RetrieveAndGenerateConfiguration, string? SessionId);

internal sealed record WireInput(string Text);

internal sealed record WireConfiguration(string Type, WireKnowledgeBaseConfiguration KnowledgeBaseConfiguration);

internal sealed record WireKnowledgeBaseConfiguration(
    string KnowledgeBaseId,
    string ModelArn,
    WireRetrievalConfiguration RetrievalConfiguration,
    WireGenerationConfiguration? GenerationConfiguration);

internal sealed record WireRetrievalConfiguration(WireVectorSearch VectorSearchConfiguration);

internal sealed record WireVectorSearch(int NumberOfResults);

internal sealed record WireGenerationConfiguration(WirePromptTemplate? PromptTemplate, WireGuardrailConfiguration? GuardrailConfiguration);

internal sealed record WirePromptTemplate(string TextPromptTemplate);

internal sealed record WireGuardrailConfiguration(string GuardrailId, string GuardrailVersion);

internal sealed record WireAnswer(WireOutput? Output, List<WireCitation>? Citations, string? GuardrailAction, string? SessionId);

internal sealed record WireOutput(string? Text);

internal sealed record WireCitation(WireGeneratedPart? GeneratedResponsePart, List<WireReference>? RetrievedReferences);

// Stream citation events carry the fields flat; older ones nest them in the deprecated "citation" member.
internal sealed record WireCitationEvent(WireCitation? Citation, WireGeneratedPart? GeneratedResponsePart, List<WireReference>? RetrievedReferences);

internal sealed record WireGeneratedPart(WireTextPart? TextResponsePart);

internal sealed record WireTextPart(string? Text, WireSpan? Span);

internal sealed record WireSpan(int? Start, int? End);

internal sealed record WireReference(WireLocation? Location, Dictionary<string, JsonElement>? Metadata);

internal sealed record WireLocation(
    string? Type,
    WireLink? S3Location,
    WireLink? WebLocation,
    WireLink? ConfluenceLocation,
    WireLink? SalesforceLocation,
    WireLink? SharePointLocation,
    WireLink? OneDriveLocation,
    WireLink? GoogleDriveLocation,
    WireLink? KendraDocumentLocation,
    WireLink? CustomDocumentLocation);

// One shape for every location member: S3 and Kendra use "uri", custom documents "id", the others "url".
internal sealed record WireLink(string? Uri, string? Url, string? Id);

internal sealed record WireGuardrailEvent(string? Action);

internal sealed record WireErrorEvent(string? Message);
