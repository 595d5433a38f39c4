namespace ChatOps.IntentRecognition;

/// <summary>Decides which route answers a question.</summary>
public interface IIntentClassifier
{
    /// <summary>Classifies <paramref name="request"/>. A model answer that cannot be parsed is reported as a failure
    /// (<see cref="IntentClassificationException"/>), never guessed as <see cref="Intent.AwsOps"/>; wrap a remote
    /// classifier in <see cref="FallbackIntentClassifier"/> to turn failures into a local answer.</summary>
    Task<IntentResult> ClassifyAsync(IntentRequest request, CancellationToken cancellationToken);
}
