namespace ChatOps.IntentRecognition;

/// <summary>A classifier got an answer it could not turn into an <see cref="Intent"/>
/// (no tool call, unknown label, malformed JSON). Callers fall back instead of guessing.</summary>
public sealed class IntentClassificationException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public IntentClassificationException()
        : this("The classifier's answer could not be parsed.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public IntentClassificationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public IntentClassificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
