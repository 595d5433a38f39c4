using System.Net.Http.Json;
using ChatOps.Aws;
using ChatOps.IntentRecognition.Bedrock;
using Microsoft.Extensions.Logging;

namespace ChatOps.IntentRecognition;

/// <summary>Classifies with a Bedrock model through the Converse API, forcing the answer into the
/// <c>classify_intent</c> tool. <paramref name="http"/> must have the Bedrock Runtime endpoint as its
/// base address and must sign requests (SigV4) itself; retries belong to its handlers too.</summary>
/// <param name="http">Client whose <see cref="HttpClient.BaseAddress"/> is the Bedrock Runtime endpoint (ending in <c>/</c> if it has a path).</param>
/// <param name="options">Model and prompt settings.</param>
/// <param name="logger">Receives the outcome, never the user's text.</param>
public sealed class BedrockIntentClassifier(
    HttpClient http,
    BedrockClassifierOptions options,
    ILogger<BedrockIntentClassifier> logger) : IIntentClassifier
{
    /// <inheritdoc />
    /// <exception cref="AwsServiceException">Bedrock answered with an error.</exception>
    /// <exception cref="IntentClassificationException">The answer held no usable <c>classify_intent</c> call.</exception>
    public async Task<IntentResult> ClassifyAsync(IntentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(options.ModelId))
        {
            throw new InvalidOperationException("BedrockClassifierOptions.ModelId (RECOGNITION_MODEL_ID) is not set.");
        }

        // Escaping turns ':' in model ids into %3A, which is how the path must be sent and signed.
        var path = $"model/{Uri.EscapeDataString(options.ModelId)}/converse";
        var body = ClassificationPrompt.Build(request, options);
        using var message = AwsJsonClient.JsonPost(path, body, ConverseJsonContext.Default.ConverseRequest);
        using var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);

        var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = ToolAnswer.Parse(json, options.AwsProfiles);
            Log.Classified(logger, result.Intent.ToLabel(), result.Confidence, IntentResult.SourceBedrock);
            return result;
        }
        catch (IntentClassificationException ex)
        {
            Log.Unparseable(logger, ex.Message);
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAwsAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException error)
        {
            Log.BedrockFailed(logger, (int)error.StatusCode, error.ErrorType);
            throw;
        }
    }
}
