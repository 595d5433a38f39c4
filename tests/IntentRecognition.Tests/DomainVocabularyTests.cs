using ChatOps.IntentRecognition.Local;
using ChatOps.IntentRecognition.Model;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>The words of the team's own questions (<see cref="DomainVocabulary"/>) and how much of a message is foreign to them.</summary>
public sealed class DomainVocabularyTests
{
    private static readonly DomainVocabulary Vocabulary = DomainVocabulary.From(
    [
        new(Intent.AwsOps, "restart the balancer in prod"),
        new(Intent.KnowledgeBase, "who owns the quandle runbook"),
        new(Intent.AwsOps, "集群部署了多少"),
        new(Intent.OffTopic, "who won the football match"),
    ]);

    private static readonly HashSet<string> NothingElse = [];

    [Fact]
    public void WordsAreEnglishWordsOfThreeLettersOrMoreAndChinesePairsButNotNames()
    {
        var words = DomainVocabulary.Words(CueMatcher.Normalise("Who kept the ship's log on ng-spot-1 t3.micro, 烟雾报警?"));

        Assert.Equal(["who", "kept", "the", "ship", "log", "烟雾", "雾报", "报警"], words);
    }

    [Fact]
    public void AWordOfTheTeamsQuestionsOrTheOpsLexiconIsKnownWithItsEndings()
    {
        // "balancers" and "restarted" are the training words with an ending; "cloudwatch" is a lexicon word never trained on.
        var measured = Vocabulary.Measure(CueMatcher.Normalise("balancers restarted quandle cloudwatch runbooks"), NothingElse);

        Assert.Equal(new Foreignness(5, 0, 0, 0), measured);
    }

    [Fact]
    public void OffTopicQuestionsAndCommonWordsAddNothingToTheVocabulary()
    {
        // "football" and "match" are only in an off-topic question: foreign. "how", "many", "did", "the" are common words:
        // not counted at all.
        var measured = Vocabulary.Measure(CueMatcher.Normalise("how many football match did the quandle restart"), NothingElse);

        Assert.Equal(new Foreignness(4, 2, 0, 0), measured);
    }

    [Fact]
    public void TheOperatorsOwnWordsAreNeverForeign()
    {
        var text = CueMatcher.Normalise("troops allies beaches 沙滩救生员");

        Assert.Equal(new Foreignness(3, 3, 4, 4), Vocabulary.Measure(text, NothingElse));
        Assert.Equal(new Foreignness(3, 0, 4, 0), Vocabulary.Measure(text, DomainVocabulary.Words(CueMatcher.Normalise("troops, allies and beaches; 沙滩救生员")).ToHashSet()));
    }

    [Theory]
    [InlineData(3, 3, 0, 0, true)] // three foreign words, however long the sentence
    [InlineData(10, 3, 0, 0, true)]
    [InlineData(3, 2, 0, 0, true)] // two of three content words: a short sentence of another domain
    [InlineData(4, 2, 0, 0, false)] // two of four: not enough
    [InlineData(5, 1, 0, 0, false)]
    [InlineData(0, 0, 10, 6, true)] // six of ten Chinese pairs
    [InlineData(0, 0, 10, 5, false)]
    [InlineData(0, 0, 5, 3, false)] // too few pairs to say
    public void ASentenceMostlyOfForeignWordsReadsAsAnotherDomain(int words, int foreignWords, int pairs, int foreignPairs, bool expected) =>
        Assert.Equal(expected, new Foreignness(words, foreignWords, pairs, foreignPairs).ReadsAsAnotherDomain);
}
