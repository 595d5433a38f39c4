namespace ChatOps.IntentRecognition.Local;

/// <summary>One cue found in a message: its kind, weight and the lexicon phrase (not the user's text).</summary>
internal sealed record CueHit(CueKind Kind, double Weight, string Name);
