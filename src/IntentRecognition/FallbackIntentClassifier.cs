using ChatOps.Aws;
using Microsoft.Extensions.Logging;

namespace ChatOps.IntentRecognition;

/// <summary>Asks <paramref name="primary"/> and, when it fails for any reason but the caller's cancellation,
/// answers with <paramref name="fallback"/> marked <see cref="IntentResult.SourceLocalFallback"/>.</summary>
/// <param name="primary">Usually the <see cref="BedrockIntentClassifier"/>.</param>
/// <param name="fallback">The offline classifier.</param>
/// <param name="logger">Receives the failure's type and status, never the user's text.</param>
public sealed class FallbackIntentClassifier(
    IIntentClassifier primary,
    LocalIntentClassifier fallback,
    ILogger<FallbackIntentClassifier> logger) : IIntentClassifier
{
    /// <inheritdoc />
    public async Task<IntentResult> ClassifyAsync(IntentRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await primary.ClassifyAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            Log.FallingBack(logger, ex.GetType().Name, StatusOf(ex));
            return fallback.Classify(request) with { Source = IntentResult.SourceLocalFallback };
        }
    }

    private static int? StatusOf(Exception ex) => ex switch
    {
        AwsServiceException aws => (int)aws.StatusCode,
        HttpRequestException { StatusCode: { } status } => (int)status,
        _ => null,
    };
}
