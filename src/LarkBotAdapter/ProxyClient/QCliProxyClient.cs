using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatOps.Contracts;
using ChatOps.LarkBotAdapter.Secrets;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.ProxyClient;

// Client of the Q CLI proxy (docs/CONTRACTS.md §3): signs each attempt, retries failures to connect and (once) failures
// before any proxy started the CLI (RetryBeforeStart), and streams
// the NDJSON answer line by line as it arrives. A stream that breaks is never restarted: the CLI may have acted on it.
internal sealed class QCliProxyClient(
    HttpClient http,
    QCliProxyOptions options,
    TimeProvider time,
    ILogger<QCliProxyClient> logger,
    SecretRefresher? secrets = null,
    IOptionsMonitor<QCliProxyOptions>? current = null,
    ExecuteSignatures? signatures = null)
{
    public static readonly Uri ChatPath = new(QCliProtocol.ChatPath, UriKind.Relative);

    private const int MaxErrorBodyBytes = 4096;

    // One execution may create a support case or run a script; the proxy bounds the script itself.
    private static readonly TimeSpan ExecuteTimeout = TimeSpan.FromMinutes(5);
    private readonly ExecuteSignatures _signatures = signatures ?? new ExecuteSignatures();

    // Sends request and yields the answer's lines, ending with its done or error
    // line. Cancelling cancellationToken (the answer deadline) closes the connection.
    // Throws QCliProxyException: Unreachable, refused (429/401/other status), cut off, or unreadable.
    public async IAsyncEnumerable<QCliStreamLine> ChatAsync(QCliChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, QCliProtocolJsonContext.Default.QCliChatRequest);
        using var response = await SendAsync(body, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var reader = new NdjsonLineReader(stream);
        while (true)
        {
            var line = await ReadLineAsync(reader, cancellationToken)
                       ?? throw new QCliProxyException(QCliFailure.CutOff, "The proxy's stream ended without a done or error line.");
            yield return line;
            if (line.IsTerminal)
            {
                yield break;
            }
        }
    }

    // Asks the proxy to run approved proposal id (protocol 2). The proxy runs a proposal once and answers every
    // retry with the first result, so failures to connect, 5xx and lost answers are retried here. Throws
    // QCliProxyException with StatusCode 404 (unknown), 409 (arguments hash differs) or 410 (expired) when refused.
    public async Task<QCliExecuteResult> ExecuteAsync(string id, QCliExecuteRequest request, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, QCliProtocolJsonContext.Default.QCliExecuteRequest);
        var path = QCliProtocol.ExecutePath(id);
        for (var attempt = 1; ; attempt++)
        {
            await _signatures.WaitForUnspentSecondAsync(id, time, cancellationToken);
            using var message = Sign(body, options.Secret, path);
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTimeout.CancelAfter(ExecuteTimeout);
            try
            {
                using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, attemptTimeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    var result = await response.Content.ReadFromJsonAsync(QCliProtocolJsonContext.Default.QCliExecuteResult, cancellationToken);
                    return result ?? throw new QCliProxyException(QCliFailure.Protocol, "The proxy's execution result was empty.");
                }
                var status = (int)response.StatusCode;
                Log.Refused(logger, status);
                if (status < 500 || attempt >= options.ConnectAttempts)
                {
                    throw new QCliProxyException(status == 401 ? QCliFailure.Unauthorized : QCliFailure.HttpStatus, $"The proxy answered HTTP {status}.") { StatusCode = status };
                }
            }
            catch (JsonException ex)
            {
                throw new QCliProxyException(QCliFailure.Protocol, "The proxy's execution result is not the protocol's JSON.", ex);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested && attempt < options.ConnectAttempts)
            {
                Log.ConnectFailed(logger, attempt, options.ConnectAttempts, ex.GetType().Name, ex.Message);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new QCliProxyException(QCliFailure.Unreachable, $"The proxy could not be reached after {attempt} attempt(s).", ex);
            }
            await Task.Delay(options.RetryDelay * Math.Pow(2, attempt - 1), time, cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(byte[] body, CancellationToken cancellationToken)
    {
        var secret = options.Secret;
        var reread = false;
        var retriedBeforeStart = false;
        for (var attempt = 1; ; attempt++)
        {
            using var message = Sign(body, secret);
            using var headersTimeout = new CancellationTokenSource(options.HeadersTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, headersTimeout.Token);
            Exception failure;
            try
            {
                var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                return await CheckStatusAsync(response, cancellationToken);
            }
            // A 401 ran nothing: when a re-read of the platform secret changed it (rotation), sign again once.
            catch (QCliProxyException ex) when (ex.Failure == QCliFailure.Unauthorized && !reread && secrets is { IsEnabled: true } && current is not null)
            {
                reread = true;
                if (!await secrets.TryRefreshAsync("the Q CLI proxy answered 401", SecretRefresher.WorkerWait, cancellationToken))
                {
                    throw;
                }
                secret = current.CurrentValue.Secret;
                attempt--;
                continue;
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
            {
                failure = ex;
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.SecureConnectionError)
            {
                throw ProxyClient.RetryBeforeStart.Untrusted(ex);
            }
            // Failed before any proxy started the CLI: sent once more, so the balancer can pick another instance.
            catch (Exception ex) when (!retriedBeforeStart && ProxyClient.RetryBeforeStart.Applies(ex))
            {
                retriedBeforeStart = true;
                attempt--;
                await WaitToSendAgainAsync(ex, cancellationToken);
                continue;
            }
            catch (HttpRequestException ex)
            {
                throw new QCliProxyException(QCliFailure.CutOff, "The proxy closed the connection before answering.", ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && headersTimeout.IsCancellationRequested)
            {
                throw new QCliProxyException(
                    QCliFailure.NoAnswer, $"The proxy did not answer within {options.HeadersTimeout.TotalSeconds:0} s.", ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = ex; // the handler's connect timeout: the request never left
            }
            await WaitToReconnectAsync(failure, attempt, cancellationToken);
        }
    }

    // Before the one more send of a request that failed before any proxy started the CLI.
    private async Task WaitToSendAgainAsync(Exception failure, CancellationToken cancellationToken)
    {
        Log.ConnectFailed(logger, 1, 2, failure.GetType().Name, failure.Message);
        await Task.Delay(options.RetryDelay, time, cancellationToken);
    }

    // Before the next attempt to connect; throws Unreachable when there is none left.
    private async Task WaitToReconnectAsync(Exception failure, int attempt, CancellationToken cancellationToken)
    {
        Log.ConnectFailed(logger, attempt, options.ConnectAttempts, failure.GetType().Name, failure.Message);
        if (attempt >= options.ConnectAttempts)
        {
            throw new QCliProxyException(QCliFailure.Unreachable, $"The proxy could not be reached after {attempt} attempt(s).", failure);
        }
        await Task.Delay(options.RetryDelay * Math.Pow(2, attempt - 1), time, cancellationToken);
    }

    // A fresh timestamp per attempt, and a v2 HMAC over the method, the protocol path and exactly the bytes that are sent.
    private HttpRequestMessage Sign(byte[] body, string secret, string? executePath = null)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var relative = executePath ?? QCliProtocol.ChatPath;
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(relative, UriKind.Relative)) { Content = content };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(executePath is null ? QCliProtocol.NdjsonContentType : "application/json"));
        message.Headers.Add(QCliProtocol.VersionHeader, QCliProtocol.Version.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add(QCliProtocol.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add(QCliProtocol.SignatureHeader, QCliRequestSignature.Sign(secret, message.Method.Method, QCliProtocol.SignedPath(relative), timestamp, body));
        return message;
    }

    private async Task<HttpResponseMessage> CheckStatusAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            Log.Refused(logger, status);
            var said = await ErrorLineAsync(response, cancellationToken);
            var failure = response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => QCliFailure.Busy,
                HttpStatusCode.Unauthorized => QCliFailure.Unauthorized,
                _ => QCliFailure.HttpStatus,
            };
            throw new QCliProxyException(failure, $"The proxy answered HTTP {status}.")
            {
                StatusCode = status,
                ProxyCode = said?.Code,
                ProxyMessage = said?.Message,
            };
        }
    }

    // A refusal may carry an error line ({"type":"error","code":…}); anything else in the body is ignored.
    private static async Task<QCliStreamLine?> ErrorLineAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxErrorBodyBytes];
            var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            var line = JsonSerializer.Deserialize(buffer.AsSpan(0, length), QCliProtocolJsonContext.Default.QCliStreamLine);
            return line is { Type: QCliStreamLine.ErrorType } ? line : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<QCliStreamLine?> ReadLineAsync(NdjsonLineReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new QCliProxyException(QCliFailure.CutOff, "The connection to the proxy broke mid-answer.", ex);
        }
    }
}
