using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChatOps.Aws;

/// <summary>JSON calls to AWS APIs over an <see cref="HttpClient"/> whose handlers sign (SigV4) and, where safe, retry:
/// POST a JSON body, read the JSON answer, or throw <see cref="AwsServiceException"/> for an error answer.</summary>
public static class AwsJsonClient
{
    /// <summary>Media type of the JSON 1.1 protocol (Secrets Manager and other <c>X-Amz-Target</c> APIs).</summary>
    public const string Json11 = "application/x-amz-json-1.1";

    /// <summary>A POST of <paramref name="body"/> as JSON to <paramref name="path"/> (relative to the base address).</summary>
    /// <param name="path">The operation's path, already escaped.</param>
    /// <param name="body">The request document.</param>
    /// <param name="type">Its source-generated type information.</param>
    /// <param name="target">The <c>X-Amz-Target</c> of a JSON 1.1 operation (then sent as <see cref="Json11"/>), or null for REST-JSON.</param>
    public static HttpRequestMessage JsonPost<TRequest>(string path, TRequest body, JsonTypeInfo<TRequest> type, string? target = null)
    {
        var content = JsonContent.Create(body, type);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        if (target is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(Json11);
            request.Headers.Add("X-Amz-Target", target);
        }
        return request;
    }

    /// <summary>Sends <paramref name="request"/> and returns the answer when its status is a success (or
    /// <paramref name="expected"/>); otherwise reads the error and throws.</summary>
    /// <param name="http">A client with the service endpoint as base address.</param>
    /// <param name="request">The request; the caller keeps ownership.</param>
    /// <param name="completion">When the call returns; <see cref="HttpCompletionOption.ResponseHeadersRead"/> for streams.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="expected">The one status that counts as success, when any other success status would not.</param>
    /// <exception cref="AwsServiceException">AWS answered with an error.</exception>
    public static async Task<HttpResponseMessage> SendAwsAsync(
        this HttpClient http,
        HttpRequestMessage request,
        HttpCompletionOption completion,
        CancellationToken cancellationToken,
        HttpStatusCode? expected = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var response = await http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        if (expected is { } status ? response.StatusCode == status : response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            throw await AwsServiceException.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>POSTs <paramref name="body"/> as JSON and reads the JSON answer.</summary>
    /// <param name="http">A client with the service endpoint as base address.</param>
    /// <param name="path">The operation's path, already escaped.</param>
    /// <param name="body">The request document.</param>
    /// <param name="requestType">Its source-generated type information.</param>
    /// <param name="responseType">The answer's source-generated type information.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="target">The <c>X-Amz-Target</c> of a JSON 1.1 operation, or null for REST-JSON.</param>
    /// <exception cref="AwsServiceException">AWS answered with an error.</exception>
    /// <exception cref="InvalidDataException">A success answer that is not the expected JSON.</exception>
    public static async Task<TResponse> PostAwsJsonAsync<TRequest, TResponse>(
        this HttpClient http,
        string path,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken,
        string? target = null)
    {
        using var request = JsonPost(path, body, requestType, target);
        using var response = await http.SendAwsAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, responseType, path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a success answer's JSON.</summary>
    /// <exception cref="InvalidDataException">The body is not the expected JSON (or is JSON <c>null</c>).</exception>
    public static async Task<TResponse> ReadJsonAsync<TResponse>(HttpResponseMessage response, JsonTypeInfo<TResponse> type, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
                   ?? throw new InvalidDataException($"{operation} answered JSON null.");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new InvalidDataException($"{operation} answered something that is not its JSON answer.", ex);
        }
    }
}
