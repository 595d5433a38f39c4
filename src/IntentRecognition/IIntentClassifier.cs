namespace ChatOps.IntentRecognition;

/// <summary>Decides which route answers a question.</summary>
public interface IIntentClassifier
{
    /// <summary>Classifies <paramref name="request"/>. Implementations never throw for a bad model answer:
    /// an unparseable answer is reported as a failure to the caller, never guessed as <see cref="Intent.AwsOps"/>.</summary>
    Task<IntentResult> ClassifyAsync(IntentRequest request, CancellationToken cancellationToken);
}
