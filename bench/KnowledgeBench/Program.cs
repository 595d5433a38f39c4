using System.Diagnostics;
using ChatOps.Bench;
using ChatOps.LarkBotAdapter.Knowledge.Local;

// Query latency of the local knowledge base over a 1,000-passage index built from the bundled documents.
var chunkCount = Arg("--chunks", 1000);
var queryCount = Arg("--queries", 5000);
var folder = Path.Combine(RepositoryRoot(), "knowledge");

var load = Stopwatch.StartNew();
var bundled = new LocalKnowledgeBase(KnowledgeLocation.At(folder));
_ = bundled.IsAvailable;
load.Stop();
var corpus = Corpus.Replicate(bundled.Index.Chunks, chunkCount);

var builds = new List<double>();
KnowledgeIndex index = null!;
for (var i = 0; i < 5; i++)
{
    var watch = Stopwatch.StartNew();
    index = KnowledgeIndex.Build(corpus);
    builds.Add(watch.Elapsed.TotalMilliseconds);
}

var questions = Questions.Make(queryCount);
foreach (var question in questions.Take(500))
{
    _ = index.Search(question);
}
var times = new double[questions.Count];
var answered = 0;
for (var i = 0; i < questions.Count; i++)
{
    var start = Stopwatch.GetTimestamp();
    var hits = index.Search(questions[i], 3, i % 10 == 0 ? questions[(i + 1) % questions.Count] : null);
    times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    answered += hits.Count > 0 ? 1 : 0;
}
Array.Sort(times);

Console.WriteLine($"knowledge bench: {Environment.ProcessorCount} cores, {folder}");
Console.WriteLine($"bundled folder: {bundled.Documents.Count} documents, {bundled.Index.Chunks.Count} passages, loaded and indexed in {load.Elapsed.TotalMilliseconds:F1} ms (first run, incl. JIT)");
Console.WriteLine($"index: {index.Chunks.Count} passages, {index.TermCount} terms; build {builds.Min():F1} ms best / {builds.Order().ElementAt(2):F1} ms median of 5");
Console.WriteLine($"queries: {times.Length} (EN+ZH, every 10th with thread context), {answered} with at least one passage");
Console.WriteLine($"query time ms: p50 {Percentile(50):F3}  p90 {Percentile(90):F3}  p99 {Percentile(99):F3}  max {times[^1]:F3}");
Console.WriteLine($"p99 target < 5 ms: {(Percentile(99) < 5 ? "met" : "NOT met")}");
return 0;

double Percentile(double p) => times[Math.Clamp((int)Math.Ceiling(p / 100 * times.Length) - 1, 0, times.Length - 1)];

int Arg(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
}

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("run the bench from inside the repository (no ChatOps.sln found above the binaries)");
}
