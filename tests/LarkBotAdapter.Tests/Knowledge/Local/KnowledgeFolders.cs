using ChatOps.LarkBotAdapter.Knowledge.Local;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Local;

/// <summary>The repository's <c>knowledge/</c> folder (loaded once) and throw-away folders in the temp directory.</summary>
internal static class KnowledgeFolders
{
    private static readonly Lazy<LocalKnowledgeBase> Bundled = new(() => new LocalKnowledgeBase(KnowledgeLocation.At(RepositoryKnowledge)));

    /// <summary>knowledge/ beside ChatOps.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryKnowledge
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln")))
                {
                    return Path.Combine(dir.FullName, "knowledge");
                }
            }
            throw new InvalidOperationException($"no ChatOps.sln above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>The bundled documents, indexed once for all tests (the index is immutable).</summary>
    public static LocalKnowledgeBase BundledBase => Bundled.Value;

    /// <summary>A new empty folder that is deleted on dispose.</summary>
    public static TempFolder Temp() => new();

    internal sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kb-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public TempFolder With(string relativePath, string markdown)
        {
            var full = System.IO.Path.Combine(Path, relativePath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, markdown);
            return this;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
