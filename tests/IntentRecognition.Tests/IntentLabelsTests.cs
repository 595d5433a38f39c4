namespace ChatOps.IntentRecognition.Tests;

public sealed class IntentLabelsTests
{
    [Theory]
    [InlineData(Intent.KnowledgeBase, "knowledge_base")]
    [InlineData(Intent.AwsOps, "aws_ops")]
    [InlineData(Intent.OffTopic, "off_topic")]
    public void EachIntentHasItsWireLabel(Intent intent, string label)
    {
        Assert.Equal(label, intent.ToLabel());
        Assert.True(IntentLabels.TryParse(label, out var parsed));
        Assert.Equal(intent, parsed);
    }

    [Fact]
    public void AllListsTheThreeLabelsInEnumOrder() =>
        Assert.Equal(Enum.GetValues<Intent>().Select(i => i.ToLabel()), IntentLabels.All);

    [Theory]
    [InlineData(" AWS_OPS ", Intent.AwsOps)]
    [InlineData("Knowledge_Base", Intent.KnowledgeBase)]
    public void ParsingIgnoresCaseAndSurroundingSpace(string label, Intent expected)
    {
        Assert.True(IntentLabels.TryParse(label, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("aws")]
    [InlineData("aws-ops")]
    [InlineData("aws_ops please")]
    public void UnknownLabelsDoNotParse(string? label)
    {
        Assert.False(IntentLabels.TryParse(label, out var parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void UndefinedIntentHasNoLabel() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Intent)42).ToLabel());
}
