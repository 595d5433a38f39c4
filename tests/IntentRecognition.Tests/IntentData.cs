using ChatOps.IntentRecognition.Model;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>The labelled sets (training, dev, regression) (copied next to the tests from <c>src/IntentRecognition/Data</c>) and the repository paths.</summary>
internal static class IntentData
{
    public static IReadOnlyList<LabelledQuestion> Training { get; } = LabelledQuestions.Load(DataFile("intent-train.tsv"));

    /// <summary>The first held-out split (by a hash of the text), looked at while tuning: thresholds are chosen on it.</summary>
    public static IReadOnlyList<LabelledQuestion> Dev { get; } = LabelledQuestions.Load(DataFile("intent-dev.tsv"));

    /// <summary>The second held-out set: written blind after tuning and reported once, then retired because its misses were
    /// read. Never trained or tuned on; kept as a regression check. A fresh held-out set is written after each round of tuning.</summary>
    public static IReadOnlyList<LabelledQuestion> Regression2 { get; } = LabelledQuestions.Load(DataFile("intent-regression-2.tsv"));

    /// <summary>The third held-out set (issue 23): written blind during tuning by someone who never saw the model or its data,
    /// evaluated once after tuning ended, then retired like the second.</summary>
    public static IReadOnlyList<LabelledQuestion> Regression3 { get; } = LabelledQuestions.Load(DataFile("intent-regression-3.tsv"));

    /// <summary>The fourth held-out set (issue 23, round 3): written blind by someone who never saw the model, its data or
    /// the earlier sets, evaluated once after tuning ended, then retired like the others.</summary>
    public static IReadOnlyList<LabelledQuestion> Regression4 { get; } = LabelledQuestions.Load(DataFile("intent-regression-4.tsv"));

    /// <summary>The fifth held-out set (issue 23, round 4): 600 written blind, 200 per label, evaluated once, then retired.</summary>
    public static IReadOnlyList<LabelledQuestion> Regression5 { get; } = LabelledQuestions.Load(DataFile("intent-regression-5.tsv"));

    /// <summary>The sixth held-out set (issue 23, after round 4): 600 written blind, evaluated once, then retired.</summary>
    public static IReadOnlyList<LabelledQuestion> Regression6 { get; } = LabelledQuestions.Load(DataFile("intent-regression-6.tsv"));

    /// <summary>The seventh held-out set (issue 23, round 5): 600 written blind, evaluated once after the foreign-words
    /// rule, then retired.</summary>
    public static IReadOnlyList<LabelledQuestion> Regression7 { get; } = LabelledQuestions.Load(DataFile("intent-regression-7.tsv"));

    /// <summary>The eighth held-out set (issue 23, round 5): 600 written blind, evaluated once on the same model as set 7,
    /// then retired.</summary>
    public static IReadOnlyList<LabelledQuestion> Regression8 { get; } = LabelledQuestions.Load(DataFile("intent-regression-8.tsv"));

    /// <summary>The ninth and tenth held-out sets (issue 23, round 6): 600 written blind each, evaluated once, then retired.</summary>
    public static IReadOnlyList<LabelledQuestion> Regression9 { get; } = LabelledQuestions.Load(DataFile("intent-regression-9.tsv"));

    /// <summary>See <see cref="Regression9"/>.</summary>
    public static IReadOnlyList<LabelledQuestion> Regression10 { get; } = LabelledQuestions.Load(DataFile("intent-regression-10.tsv"));

    /// <summary>The eleventh and twelfth held-out sets (issue 23, round 7): 600 written blind each, evaluated once, then retired.</summary>
    public static IReadOnlyList<LabelledQuestion> Regression11 { get; } = LabelledQuestions.Load(DataFile("intent-regression-11.tsv"));

    /// <summary>See <see cref="Regression11"/>.</summary>
    public static IReadOnlyList<LabelledQuestion> Regression12 { get; } = LabelledQuestions.Load(DataFile("intent-regression-12.tsv"));

    /// <summary>The thirteenth and fourteenth held-out sets (issue 23, round 8): 600 written blind each, evaluated once, then retired.</summary>
    public static IReadOnlyList<LabelledQuestion> Regression13 { get; } = LabelledQuestions.Load(DataFile("intent-regression-13.tsv"));

    /// <summary>See <see cref="Regression13"/>.</summary>
    public static IReadOnlyList<LabelledQuestion> Regression14 { get; } = LabelledQuestions.Load(DataFile("intent-regression-14.tsv"));

    /// <summary>The fifteenth and sixteenth held-out sets (issue 23, after round 9, the last): 600 written blind each,
    /// evaluated once, then retired.</summary>
    public static IReadOnlyList<LabelledQuestion> Regression15 { get; } = LabelledQuestions.Load(DataFile("intent-regression-15.tsv"));

    /// <summary>See <see cref="Regression15"/>.</summary>
    public static IReadOnlyList<LabelledQuestion> Regression16 { get; } = LabelledQuestions.Load(DataFile("intent-regression-16.tsv"));

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
