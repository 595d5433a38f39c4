namespace ChatOps.IntentRecognition.Local;

/// <summary>Phrases of one kind and weight. English phrases match whole words, with an optional plural;
/// a trailing <c>*</c> matches any word ending. Chinese phrases match as substrings.</summary>
internal sealed record CueGroup(CueKind Kind, double Weight, params string[] Phrases);

/// <summary>A pattern cue scored in addition to phrases (times, ids, question shapes).</summary>
internal sealed record PatternCue(CueKind Kind, double Weight, string Name, string Pattern);
