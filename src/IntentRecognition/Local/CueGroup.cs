namespace ChatOps.IntentRecognition.Local;

/// <summary>Phrases of one kind and weight. English phrases match whole words, with an optional plural;
/// a trailing <c>*</c> matches any word ending. Chinese phrases match as substrings.</summary>
internal sealed record CueGroup(CueKind Kind, double Weight, params string[] Phrases);
