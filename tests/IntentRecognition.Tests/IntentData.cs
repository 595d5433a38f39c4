using ChatOps.IntentRecognition.Model;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>The labelled sets (training, dev, regression) (copied next to the tests from <c>src/IntentRecognition/Data</c>) and the repository paths.</summary>
internal static class IntentData
{
    public static IReadOnlyList<LabelledQuestion> Training { get; } = LabelledQuestions.Load(DataFile("intent-train.tsv"));

    /// <summary>The first held-out split (by a hash of the text), looked at while tuning: thresholds are chosen on it.</summary>
    public static IReadOnlyList<LabelledQuestion> Dev { get; } = LabelledQuestions.Load(DataFile("intent-dev.tsv"));

    /// <summary>The first and last numbers of <c>Data/intent-regression-N.tsv</c>.</summary>
    public const int FirstRegressionSet = 2;

    /// <summary>See <see cref="FirstRegressionSet"/>.</summary>
    public const int LastRegressionSet = 16;

    /// <summary>The retired held-out sets by number: each written blind after a round of tuning, evaluated once, then
    /// retired because its misses were read (set 2 was issue 15's, 3–16 issue 23's; docs/INTENT-QUALITY.md says which
    /// number each gave). Never trained or tuned on; kept as regression checks. A fresh set is written after each round.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<LabelledQuestion>> Regression { get; } =
        Enumerable.Range(FirstRegressionSet, LastRegressionSet - FirstRegressionSet + 1)
            .ToDictionary(set => set, set => LabelledQuestions.Load(DataFile($"intent-regression-{set}.tsv")));

    /// <summary>Every labelled question: training, dev and all regression sets.</summary>
    public static IEnumerable<LabelledQuestion> All => Training.Concat(Dev).Concat(Regression.Values.SelectMany(set => set));

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    /// <summary>The committed model in the source tree (found from the test's folder up to the solution).</summary>
    public static string CommittedModelPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln")))
            {
                return Path.Combine(dir.FullName, "src", "IntentRecognition", "Model", IntentModel.Resource);
            }
        }

        throw new InvalidOperationException("ChatOps.sln not found above " + AppContext.BaseDirectory);
    }
}
