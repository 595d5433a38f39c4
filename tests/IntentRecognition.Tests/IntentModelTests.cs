using System.Security.Cryptography;
using System.Text;
using ChatOps.IntentRecognition.Model;
using Xunit.Abstractions;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>The trained local model: its data, and that the committed model is what training makes. <c>UPDATE_INTENT_MODEL=1 dotnet test tests/IntentRecognition.Tests --filter CommittedModel</c>
/// retrains and writes <c>src/IntentRecognition/Model/intent-model.zip</c> after the training data changed.</summary>
public sealed class IntentModelTests(ITestOutputHelper output)
{
    [Fact]
    public void DataSetIsLargeVariedAndBilingual()
    {
        var all = IntentData.All.ToList();

        Assert.True(all.Count >= 1500, $"{all.Count} questions");
        Assert.All(Enum.GetValues<Intent>(), label => Assert.True(all.Count(q => q.Intent == label) >= 300, $"{label}"));
        Assert.True(all.Count(q => q.Lang == "zh") >= 450, "Chinese questions");
        Assert.All(new[] { "compute", "containers", "data", "networking", "security", "billing", "observability" },
            topic => Assert.True(all.Count(q => q.Intent == Intent.AwsOps && q.Topic == topic) >= 20, topic));
        Assert.Equal(all.Count, all.Select(q => q.Text.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void DevSplitIsFixedByAHashOfTheText()
    {
        // Dev when the first byte of SHA-256(text) is divisible by 5: the split does not depend on order, and a
        // question added later lands on one side for good.
        Assert.All(IntentData.Dev, q => Assert.True(IsDev(q.Text), q.Text));
        Assert.All(IntentData.Training, q => Assert.False(IsDev(q.Text), q.Text));
        Assert.InRange(IntentData.Dev.Count, 300, 1500);
    }

    [Fact]
    public void EveryRegressionFileIsARegressionSet() =>
        Assert.Equal(
            IntentData.Regression.Keys.Select(set => $"intent-regression-{set}.tsv").Order(StringComparer.Ordinal),
            Directory.GetFiles(Path.GetDirectoryName(IntentData.DataFile("x"))!, "intent-regression-*.tsv").Select(Path.GetFileName).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    public void RegressionSetIsLargeBilingualAndNeverTrainedOn(int set)
    {
        var seen = IntentData.Training.Concat(IntentData.Dev).Select(q => q.Text.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var regression = IntentData.Regression[set];

        Assert.True(regression.Count >= 300, $"{regression.Count} questions");
        Assert.All(Enum.GetValues<Intent>(), label => Assert.True(regression.Count(q => q.Intent == label) >= 80, $"{label}"));
        Assert.True(regression.Count(q => q.Lang == "zh") >= 100, "Chinese questions");
        Assert.DoesNotContain(regression, q => seen.Contains(q.Text.ToLowerInvariant()));
        Assert.Equal(regression.Count, regression.Select(q => q.Text.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void CommittedModelIsWhatTrainingMakes()
    {
        var trained = IntentModel.Train(IntentData.Training);
        var path = IntentData.CommittedModelPath();
        if (Environment.GetEnvironmentVariable("UPDATE_INTENT_MODEL") == "1")
        {
            using var file = File.Create(path);
            trained.Save(file);
            output.WriteLine($"wrote {path}");
        }

        using var saved = new MemoryStream();
        trained.Save(saved);
        // Same runtime and CPU give the same bytes; the gate below allows float rounding from other CPUs.
        output.WriteLine($"byte-identical to the committed file: {saved.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(path))}");

        var committed = IntentModel.LoadBundled();
        var worst = IntentData.Training.Concat(IntentData.Dev)
            .Select(q => (q.Text, Diff: Difference(trained.Predict(q.Text), committed.Predict(q.Text))))
            .MaxBy(x => x.Diff);
        output.WriteLine($"largest probability difference: {worst.Diff:E2} ({worst.Text})");

        // Same data, seed and single thread: the same weights, up to float rounding in the saved file.
        Assert.True(worst.Diff < 1e-4, $"the committed model differs from a retrained one ({worst.Diff:E2} on \"{worst.Text}\"); " +
            "rerun with UPDATE_INTENT_MODEL=1 and rebuild");
    }

    private static bool IsDev(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text))[0] % 5 == 0;

    private static double Difference(IntentScores a, IntentScores b) =>
        Enum.GetValues<Intent>().Max(i => Math.Abs(a[i] - b[i]));
}
