namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

/// <summary>One retrieved source.</summary>
/// <param name="LocationType">Bedrock's location type: <c>S3</c>, <c>WEB</c>, <c>CONFLUENCE</c>, <c>SHAREPOINT</c>, ...</param>
/// <param name="Link">The location as returned: S3 URI, web/Confluence/SharePoint/Salesforce URL, ...; null when none.</param>
/// <param name="Title">A <c>title</c> metadata attribute, or a custom document's id; null when none.</param>
public sealed record KnowledgeReference(string? LocationType, string? Link, string? Title);
