namespace ChatOps.IntentRecognition.Model;

/// <summary>ML.NET output row: one probability per label, in the order of the label key's values.</summary>
internal sealed class ScoreRow
{
    public float[] Score { get; set; } = [];
}
