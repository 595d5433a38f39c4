namespace ChatOps.IntentRecognition.Model;

/// <summary>English words of every domain (function words, common verbs, adjectives and time words): they say nothing
/// about whether a sentence is the team's, so <see cref="DomainVocabulary"/> never counts them as foreign.</summary>
internal static class CommonWords
{
    public static readonly IReadOnlySet<string> English = new HashSet<string>(StringComparer.Ordinal)
    {
        "about", "above", "across", "after", "again", "against", "all", "almost", "along", "already", "also", "although",
        "always", "among", "and", "another", "any", "anyone", "anything", "anyway", "are", "aren't", "around", "ask",
        "asked", "asking", "away", "back", "bad", "because", "been", "before", "behind", "being", "below", "best",
        "better", "between", "big", "both", "bring", "but", "call", "called", "came", "can", "can't", "cannot",
        "could", "couldn't", "day", "days", "did", "didn't", "different", "does", "doesn't", "doing", "done", "don't",
        "down", "during", "each", "early", "either", "else", "end", "enough", "even", "ever", "every", "everyone",
        "everything", "exactly", "far", "few", "fewer", "find", "first", "for", "found", "from", "full", "get", "gets",
        "getting", "give", "given", "goes", "going", "gone", "good", "got", "great", "had", "half", "has", "have",
        "haven't", "having", "help", "her", "here", "high", "him", "his", "hold", "hour", "hours", "how", "i'm",
        "i've", "into", "isn't", "it's", "its", "just", "keep", "keeps", "kind", "know", "large", "last", "late",
        "later", "least", "less", "let", "like", "little", "long", "look", "looking", "looks", "lot", "lots", "low",
        "made", "make", "makes", "making", "many", "may", "maybe", "mean", "might", "mine", "minute", "minutes",
        "month", "months", "more", "most", "much", "must", "need", "needs", "never", "new", "next", "nice", "nobody",
        "none", "nor", "not", "nothing", "now", "off", "often", "old", "once", "one", "ones", "only", "onto", "other",
        "others", "out", "over", "own", "part", "past", "people", "per", "pick", "picked", "please", "put", "quick",
        "quite", "rather", "real", "really", "right", "said", "same", "saw", "say", "says", "see", "seeing", "seem",
        "seems", "seen", "set", "several", "she", "should", "since", "small", "some", "someone", "something",
        "sometimes", "soon", "sorry", "still", "such", "sure", "take", "taken", "takes", "taking", "tell", "telling",
        "than", "that", "that's", "the", "their", "theirs", "them", "then", "there", "there's", "these", "they",
        "thing", "things", "think", "this", "those", "though", "through", "time", "times", "today", "together", "told",
        "too", "took", "top", "toward", "towards", "tried", "try", "trying", "turn", "two", "under", "until", "upon",
        "use", "used", "using", "usually", "very", "want", "wanted", "wants", "was", "wasn't", "way", "week", "weeks",
        "well", "went", "were", "weren't", "what", "what's", "whats", "when", "where", "whether", "which", "while",
        "who", "who's", "whole", "whom", "whose", "why", "will", "with", "within", "without", "won't", "work", "would",
        "wouldn't", "year", "years", "yes", "yet", "you", "you're", "you've", "your", "yours",
    };
}
