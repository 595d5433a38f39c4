using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace ChatOps.IntentRecognition.Model;

/// <summary>The trained local model: text featurised as word uni/bigrams and character 1–4-grams (so Chinese, which has
/// no spaces, is covered), then a maximum-entropy (multinomial logistic regression) classifier trained with L-BFGS.
/// Training is deterministic: fixed seed, one thread, data in file order.</summary>
internal sealed class IntentModel
{
    /// <summary>Resource name of the committed model (see <c>IntentModelTests</c> for how it is rebuilt).</summary>
    public const string Resource = "intent-model.zip";

    private const int Seed = 20240615;

    private readonly MLContext context;
    private readonly ITransformer transformer;
    private readonly PredictionEngine<QuestionRow, ScoreRow> engine;
    private readonly Intent[] slots;
    private readonly Lock gate = new();

    private IntentModel(MLContext context, ITransformer transformer, DomainVocabulary vocabulary)
    {
        this.context = context;
        this.transformer = transformer;
        Vocabulary = vocabulary;
        engine = context.Model.CreatePredictionEngine<QuestionRow, ScoreRow>(transformer);
        slots = SlotIntents(engine.OutputSchema);
    }

    /// <summary>The words of the questions the model was trained on, but for the off-topic ones.</summary>
    public DomainVocabulary Vocabulary { get; }

    /// <summary>The model bundled with this assembly, with the vocabulary of the bundled training data.</summary>
    public static IntentModel LoadBundled()
    {
        using var stream = LabelledQuestions.OpenResource(Resource);
        var context = new MLContext(Seed);
        return new IntentModel(context, context.Model.Load(stream, out _), DomainVocabulary.From(LabelledQuestions.BundledTraining()));
    }

    public static IntentModel Train(IEnumerable<LabelledQuestion> questions) => Train(questions, 0.003f, 4, 3f);

    internal static IntentModel Train(IEnumerable<LabelledQuestion> questions, float l2, int charNgrams, float offTopicWeight)
    {
        var context = new MLContext(Seed);
        var list = questions.ToList();
        var rows = list.Select(q => new QuestionRow
        {
            Text = Prepare(q.Text),
            Label = q.Intent.ToLabel(),
            Weight = q.Intent == Intent.OffTopic ? offTopicWeight : 1f,
        }).ToList();
        var data = context.Data.LoadFromEnumerable(rows);
        var text = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = charNgrams, UseAllLengths = true },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = context.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(context.Transforms.Text.FeaturizeText("Features", text, nameof(QuestionRow.Text)))
            .Append(context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = l2,
                L1Regularization = 0f,
                NumberOfThreads = 1,
                OptimizationTolerance = 1e-7f,
                MaximumNumberOfIterations = 200,
                ExampleWeightColumnName = nameof(QuestionRow.Weight),
            }));
        return new IntentModel(context, pipeline.Fit(data), DomainVocabulary.From(list));
    }

    /// <summary>Writes the model as a zip whose bytes depend only on the weights: ML.NET's entries are copied with a fixed
    /// timestamp, so retraining on the same data reproduces the committed file exactly.</summary>
    public void Save(Stream stream)
    {
        using var saved = new MemoryStream();
        context.Model.Save(transformer, null, saved);
        saved.Position = 0;
        using var source = new ZipArchive(saved, ZipArchiveMode.Read);
        using var target = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = FixedTimestamp;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }

    private static readonly DateTimeOffset FixedTimestamp = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Probabilities of the three intents, indexed by <see cref="Intent"/>.</summary>
    public IntentScores Predict(string text)
    {
        var row = new QuestionRow { Text = Prepare(text) };
        float[] score;
        lock (gate)
        {
            // A PredictionEngine is not thread-safe; one prediction takes microseconds, so a lock costs nothing here.
            score = engine.Predict(row).Score;
        }

        var probabilities = new double[3];
        for (var i = 0; i < slots.Length; i++)
        {
            probabilities[(int)slots[i]] = score[i];
        }

        return new IntentScores(probabilities[0], probabilities[1], probabilities[2]);
    }

    /// <summary>What the model sees: see <see cref="QuestionFeatures.Prepare"/>.</summary>
    internal static string Prepare(string text) => QuestionFeatures.Prepare(text);

    private static Intent[] SlotIntents(DataViewSchema schema)
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        schema["Score"].GetSlotNames(ref names);
        return [.. names.DenseValues().Select(n => IntentLabels.TryParse(n.ToString(), out var intent)
            ? intent.Value
            : throw new InvalidDataException($"The model has an unknown label '{n}'."))];
    }
}
