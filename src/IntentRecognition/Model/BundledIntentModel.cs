namespace ChatOps.IntentRecognition.Model;

/// <summary>The committed model, read from the assembly on first use (about 0.6 s with ML.NET's start-up), never at
/// construction: the ack path and cold start do not pay for it.</summary>
internal static class BundledIntentModel
{
    private static readonly Lazy<IntentModel> Model = new(IntentModel.LoadBundled, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IntentModel Instance => Model.Value;
}
