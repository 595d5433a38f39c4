namespace ChatOps.IntentRecognition.Local;

/// <summary>A pattern cue scored in addition to phrases (times, ids, question shapes).</summary>
internal sealed record PatternCue(CueKind Kind, double Weight, string Name, string Pattern);
