using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOps.LarkBotAdapter.Tests.Deployment;

/// <summary>An API Gateway HTTP API event (payload format 2.0) turned back into the HTTP request the Lambda Web Adapter
/// sends the app.</summary>
public static class HttpApiEvent
{
    public static bool IsHttpApiEvent(JsonObject payload) => payload["rawPath"] is not null && payload["requestContext"]?["http"] is not null;

    public static string Route(JsonObject payload) => $"{payload["requestContext"]!["http"]!["method"]} {payload["rawPath"]}";

    public static HttpRequestMessage ToRequest(JsonObject payload)
    {
        var query = payload["rawQueryString"]?.ToString();
        var target = payload["rawPath"]!.ToString() + (string.IsNullOrEmpty(query) ? "" : "?" + query);
        var body = payload["body"]?.ToString() ?? "";
        var bytes = payload["isBase64Encoded"]?.GetValue<bool>() == true ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(new HttpMethod(payload["requestContext"]!["http"]!["method"]!.ToString()), target)
        {
            Content = new ByteArrayContent(bytes),
        };
        foreach (var (name, value) in payload["headers"]?.AsObject() ?? [])
        {
            if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value!.ToString());
            }
            else if (!name.Equals("host", StringComparison.OrdinalIgnoreCase) && !name.Equals("content-length", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, value!.ToString());
            }
        }
        return request;
    }

    /// <summary>The request timestamp a platform signed (Lark or Slack header), or null.</summary>
    public static long? SignedTimestamp(JsonObject payload) =>
        (payload["headers"]?["x-lark-request-timestamp"] ?? payload["headers"]?["x-slack-request-timestamp"]) is { } value
            ? long.Parse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
