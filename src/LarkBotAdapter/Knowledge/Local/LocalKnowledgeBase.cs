using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.LarkBotAdapter.Knowledge.Local;

// The Markdown documents of one folder (every *.md below it except README.md files), split into
// passages and indexed on first use. A missing or empty folder is a state (Problem), not an exception.
public sealed class LocalKnowledgeBase
{
    // Files with this name describe folders and are not indexed.
    public const string ExcludedFileName = "README.md";

    private const long MaxFileBytes = 2 * 1024 * 1024;
    private readonly KnowledgeRankingOptions _options;
    private readonly ILogger _logger;
    private readonly Lazy<Snapshot> _snapshot;

    public LocalKnowledgeBase(KnowledgeLocation location, KnowledgeRankingOptions? options = null, ILogger<LocalKnowledgeBase>? logger = null)
    {
        Location = location ?? throw new ArgumentNullException(nameof(location));
        _options = options ?? KnowledgeRankingOptions.Default;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _snapshot = new Lazy<Snapshot>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    // Where the documents come from (or were looked for).
    public KnowledgeLocation Location { get; }

    // True when at least one passage is indexed. The first call loads the folder.
    public bool IsAvailable => _snapshot.Value.Problem is null;

    // Why nothing can be searched (no folder, no documents), or null.
    public string? Problem => _snapshot.Value.Problem;

    // The indexed documents, ordered by path.
    public IReadOnlyList<KnowledgeDocument> Documents => _snapshot.Value.Documents;

    // The index (empty when unavailable).
    public KnowledgeIndex Index => _snapshot.Value.Index;

    // The best passages above the relevance floor; empty when nothing matched or nothing is loaded.
    public IReadOnlyList<KnowledgeHit> Search(string question, int top = 3, string? context = null) =>
        _snapshot.Value.Index.Search(question, top, context);

    private Snapshot Load()
    {
        var folder = Location.Folder;
        if (folder is null)
        {
            return Unavailable(Location.ConfiguredPath is not null
                ? $"the folder {Location.ConfiguredPath} set in {KnowledgeLocation.PathVariable} does not exist"
                : $"no '{KnowledgeLocation.FolderName}' folder was found (looked in {Location.Searched})");
        }
        var watch = Stopwatch.StartNew();
        var documents = new List<KnowledgeDocument>();
        var chunks = new List<KnowledgeChunk>();
        try
        {
            foreach (var path in MarkdownFiles(folder))
            {
                var file = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
                try
                {
                    if (new FileInfo(path).Length > MaxFileBytes)
                    {
                        throw new IOException($"larger than {MaxFileBytes / 1024 / 1024} MB");
                    }
                    var markdown = File.ReadAllText(path);
                    var passages = MarkdownChunker.Split(file, markdown, _options.MaxChunkChars);
                    documents.Add(new KnowledgeDocument(file, MarkdownChunker.TitleOf(file, markdown), passages.Count));
                    chunks.AddRange(passages);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Log.DocumentSkipped(_logger, file, ex);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unavailable($"the folder {folder} could not be read ({ex.GetType().Name})");
        }
        if (chunks.Count == 0)
        {
            return Unavailable($"the folder {folder} has no Markdown documents (*.md other than {ExcludedFileName})");
        }
        var index = KnowledgeIndex.Build(chunks, _options);
        Log.Loaded(_logger, folder, documents.Count, chunks.Count, index.TermCount, watch.ElapsedMilliseconds);
        return new Snapshot(index, documents, null);
    }

    private static IEnumerable<string> MarkdownFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.md", new EnumerationOptions
            {
                RecurseSubdirectories = true,
                IgnoreInaccessible = true,
                MatchCasing = MatchCasing.CaseInsensitive,
                AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            })
            .Where(p => !string.Equals(Path.GetFileName(p), ExcludedFileName, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    private Snapshot Unavailable(string problem)
    {
        Log.Unavailable(_logger, problem);
        return new Snapshot(KnowledgeIndex.Build([], _options), [], problem);
    }

    private sealed record Snapshot(KnowledgeIndex Index, IReadOnlyList<KnowledgeDocument> Documents, string? Problem);
}
