using ChatOps.IntentRecognition.Model;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>The labelled sets (training, dev, fresh held-out) (copied next to the tests from <c>src/IntentRecognition/Data</c>) and the repository paths.</summary>
internal static class IntentData
{
    public static IReadOnlyList<LabelledQuestion> Training { get; } = LabelledQuestions.Load(DataFile("intent-train.tsv"));

    /// <summary>The first held-out split (by a hash of the text), looked at while tuning: thresholds are chosen on it.</summary>
    public static IReadOnlyList<LabelledQuestion> Dev { get; } = LabelledQuestions.Load(DataFile("intent-dev.tsv"));

    /// <summary>Questions written after the dev set had been used for tuning; never tuned on, reported once.</summary>
    public static IReadOnlyList<LabelledQuestion> HeldOut { get; } = LabelledQuestions.Load(DataFile("intent-heldout.tsv"));

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
