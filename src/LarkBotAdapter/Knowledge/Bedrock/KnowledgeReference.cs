namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// One retrieved source.
// LocationType: Bedrock's location type: S3, WEB, CONFLUENCE, SHAREPOINT, ...
// Link: The location as returned: S3 URI, web/Confluence/SharePoint/Salesforce URL, ...; null when none.
// Title: A title metadata attribute, or a custom document's id; null when none.
public sealed record KnowledgeReference(string? LocationType, string? Link, string? Title);
