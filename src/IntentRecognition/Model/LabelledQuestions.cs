namespace ChatOps.IntentRecognition.Model;

/// <summary>Reads labelled questions from TSV: <c>label⇥text</c> or <c>label⇥lang⇥topic⇥text</c> per line; blank lines,
/// lines starting with <c>#</c> and a header line starting with <c>label</c> are skipped. The label is a wire label
/// (<see cref="IntentLabels"/>). </summary>
public static class LabelledQuestions
{
    private const string TrainingResource = "intent-train.tsv";

    /// <summary>Parses TSV text.</summary>
    /// <exception cref="FormatException">A line has an unknown label or no text; the message names the line.</exception>
    public static IReadOnlyList<LabelledQuestion> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var questions = new List<LabelledQuestion>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#') || line.StartsWith("label\t", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length is not (2 or 4) || !IntentLabels.TryParse(fields[0], out var intent) || string.IsNullOrWhiteSpace(fields[^1]))
            {
                throw new FormatException($"Line {number}: expected 'label<TAB>text' or 'label<TAB>lang<TAB>topic<TAB>text' with a label of {string.Join(", ", IntentLabels.All)}.");
            }

            questions.Add(fields.Length == 2
                ? new LabelledQuestion(intent.Value, fields[1].Trim())
                : new LabelledQuestion(intent.Value, fields[3].Trim(), fields[1].Trim(), fields[2].Trim()));
        }

        return questions;
    }

    /// <summary>Reads a TSV file.</summary>
    public static IReadOnlyList<LabelledQuestion> Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    /// <summary>The training set bundled with this assembly (<c>Data/intent-train.tsv</c>): the local model's training
    /// data and the source of the Bedrock prompt's examples. The dev set (<c>Data/intent-dev.tsv</c>) and the regression
    /// sets (<c>Data/intent-regression-*.tsv</c>) are not bundled: they are only ever evaluated.</summary>
    public static IReadOnlyList<LabelledQuestion> BundledTraining()
    {
        using var stream = OpenResource(TrainingResource);
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    internal static Stream OpenResource(string name) =>
        typeof(LabelledQuestions).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Resource {name} is missing from {typeof(LabelledQuestions).Assembly.GetName().Name}.");
}
