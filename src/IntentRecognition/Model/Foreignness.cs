namespace ChatOps.IntentRecognition.Model;

/// <summary>How many of a message's English content words (<see cref="Words"/>, common words left out) and Chinese
/// character pairs (<see cref="Pairs"/>) the team's questions never use (see <see cref="DomainVocabulary"/>).</summary>
internal readonly record struct Foreignness(int Words, int ForeignWords, int Pairs, int ForeignPairs)
{
    /// <summary>Foreign English words from which a sentence reads as another domain's ("how many troops did the Allies
    /// deploy": troops, allies). Chosen on the dev set.</summary>
    public const int ForeignWordsOfAnotherDomain = 3;

    /// <summary>In a short sentence, fewer foreign words do (two of "how many stars are in the Pleiades cluster"), when they
    /// are at least <see cref="ForeignWordShareOfAnotherDomain"/> of its content words (common words such as "how", "the",
    /// "know" do not count). Chosen on the dev set.</summary>
    public const int ShortForeignWords = 2;

    /// <summary>See <see cref="ShortForeignWords"/>.</summary>
    public const double ForeignWordShareOfAnotherDomain = 0.6;

    /// <summary>The share of foreign Chinese character pairs from which a sentence reads as another domain's, given at
    /// least <see cref="ForeignPairsOfAnotherDomain"/> of them (Chinese has no spaces, so a pair across two words is
    /// foreign too; the share, not the count, tells). Chosen on the dev set.</summary>
    public const double ForeignPairShareOfAnotherDomain = 0.6;

    /// <summary>The fewest foreign Chinese character pairs that can make a sentence another domain's.</summary>
    public const int ForeignPairsOfAnotherDomain = 4;

    /// <summary>Whether the sentence is mostly made of words the team's questions never use.</summary>
    public bool ReadsAsAnotherDomain =>
        ForeignWords >= ForeignWordsOfAnotherDomain
        || (ForeignWords >= ShortForeignWords && ForeignWords >= ForeignWordShareOfAnotherDomain * Words)
        || (ForeignPairs >= ForeignPairsOfAnotherDomain && ForeignPairs >= ForeignPairShareOfAnotherDomain * Pairs);
}
