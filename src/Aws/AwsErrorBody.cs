using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Aws;

/// <summary>The body of an AWS JSON error: <c>__type</c> (JSON 1.0/1.1) or <c>code</c>, and <c>message</c> (any case).</summary>
internal sealed record AwsErrorBody(
    [property: JsonPropertyName("__type")] string? Type,
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("message")] string? Message)
{
    private const int MaxBytes = 64 * 1024;

    /// <summary>The parsed body, or null when it is empty, too large or not a JSON object.</summary>
    public static async Task<AwsErrorBody?> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[MaxBytes];
                var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                var bytes = buffer.AsSpan(0, length).TrimStart(" \t\r\n"u8);
                return bytes.Length > 0 && bytes[0] == (byte)'{' ? JsonSerializer.Deserialize(bytes, AwsJsonContext.Default.AwsErrorBody) : null;
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or HttpRequestException)
        {
            // A cut or non-JSON error page still yields the status and the header's type.
            return null;
        }
    }
}
