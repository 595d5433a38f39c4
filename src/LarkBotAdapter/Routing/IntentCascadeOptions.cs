using ChatOps.IntentRecognition;
using ChatOps.Settings;

namespace ChatOps.LarkBotAdapter.Routing;

// INTENT_LOCAL_CONFIDENCE: with RECOGNITION_MODEL_ID set, the embedded classifier answers from this confidence on and
// Bedrock decides below it; 1 sends every question to Bedrock.
public sealed class IntentCascadeOptions : IHasSettingErrors
{
    public const string LocalConfidenceKey = "INTENT_LOCAL_CONFIDENCE";

    public double LocalConfidence { get; private set; } = CascadeIntentClassifier.DefaultLocalConfidence;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void Load(IConfiguration configuration)
    {
        var errors = new List<string>();
        LocalConfidence = new SettingReader(configuration, errors)
            .Number(LocalConfidenceKey, CascadeIntentClassifier.DefaultLocalConfidence, 0, CascadeIntentClassifier.BedrockAlways);
        Errors = errors;
    }
}
