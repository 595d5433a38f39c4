using System.Text.Json.Nodes;

namespace ChatOps.TestKit.Bedrock;

/// <summary>A document a fake knowledge-base answer cites, with its location as Bedrock reports it.</summary>
/// <param name="Type">Bedrock's location type (<c>S3</c>, <c>WEB</c>, ...).</param>
/// <param name="Member">The location member holding the link (<c>s3Location</c>, <c>webLocation</c>, ...).</param>
/// <param name="Field"><c>uri</c> or <c>url</c>.</param>
/// <param name="Link">The document's location.</param>
/// <param name="Title">A <c>title</c> metadata attribute, or null.</param>
public sealed record FakeSource(string Type, string Member, string Field, string Link, string? Title = null)
{
    public static FakeSource S3(string uri, string? title = null) => new("S3", "s3Location", "uri", uri, title);

    public static FakeSource Web(string url, string? title = null) => new("WEB", "webLocation", "url", url, title);

    public static FakeSource Confluence(string url, string? title = null) => new("CONFLUENCE", "confluenceLocation", "url", url, title);

    public static FakeSource SharePoint(string url, string? title = null) => new("SHAREPOINT", "sharePointLocation", "url", url, title);

    public static FakeSource Salesforce(string url, string? title = null) => new("SALESFORCE", "salesforceLocation", "url", url, title);

    /// <summary>The <c>retrievedReferences</c> entry for a chunk of this document.</summary>
    public JsonObject Reference(string chunk)
    {
        var metadata = new JsonObject
        {
            ["x-amz-bedrock-kb-source-uri"] = Link,
            ["x-amz-bedrock-kb-chunk-id"] = "chunk-" + Math.Abs(chunk.GetHashCode(StringComparison.Ordinal)),
        };
        if (Title is not null)
        {
            metadata["title"] = Title;
        }
        return new JsonObject
        {
            ["content"] = new JsonObject { ["text"] = chunk, ["type"] = "TEXT" },
            ["location"] = new JsonObject { ["type"] = Type, [Member] = new JsonObject { [Field] = Link } },
            ["metadata"] = metadata,
        };
    }
}
