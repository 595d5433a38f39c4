namespace ChatOps.IntentRecognition.Model;

/// <summary>ML.NET input row: the normalised question and, when training, its wire label.</summary>
internal sealed class QuestionRow
{
    public string Text { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public float Weight { get; set; } = 1f;
}
