using ChatOps.LarkBotAdapter.Knowledge.Local;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Local;

public sealed class KnowledgeFolderLocatorTests
{
    [Fact]
    public void ConfiguredPathWinsAndIsResolvedAgainstTheCurrentDirectory()
    {
        using var root = KnowledgeFolders.Temp().With("docs/a.md", "# A").With("knowledge/b.md", "# B");
        var location = KnowledgeFolderLocator.Locate("docs", root.Path, root.Path);
        Assert.Equal(Path.Combine(root.Path, "docs"), location.Folder);
        Assert.Equal(Path.Combine(root.Path, "docs"), location.ConfiguredPath);
    }

    [Fact]
    public void ConfiguredPathThatDoesNotExistIsNotReplacedBySearching()
    {
        using var root = KnowledgeFolders.Temp().With("knowledge/b.md", "# B");
        var location = KnowledgeFolderLocator.Locate("missing", root.Path, root.Path);
        Assert.Null(location.Folder);
        Assert.Equal($"KNOWLEDGE_LOCAL_PATH={Path.Combine(root.Path, "missing")}", location.Searched);
    }

    [Fact]
    public void KnowledgeFolderInAParentOfTheCurrentDirectoryIsFound()
    {
        using var root = KnowledgeFolders.Temp().With("knowledge/a.md", "# A").With("src/app/x.txt", "");
        var location = KnowledgeFolderLocator.Locate(null, Path.Combine(root.Path, "src", "app"), "/");
        Assert.Equal(Path.Combine(root.Path, "knowledge"), location.Folder);
    }

    [Fact]
    public void BinariesFolderIsSearchedWhenTheCurrentDirectoryHasNone()
    {
        using var work = KnowledgeFolders.Temp().With("x.txt", "");
        using var app = KnowledgeFolders.Temp().With("knowledge/a.md", "# A").With("bin/x.txt", "");
        var location = KnowledgeFolderLocator.Locate("  ", work.Path, Path.Combine(app.Path, "bin"));
        Assert.Equal(Path.Combine(app.Path, "knowledge"), location.Folder);
    }

    [Fact]
    public void BundledFolderIsFoundFromTheBinaries()
    {
        // The app's build copies knowledge/*.md beside its binaries (as in the Lambda package); that copy wins.
        var location = KnowledgeFolderLocator.Locate(null, AppContext.BaseDirectory, AppContext.BaseDirectory);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "knowledge"), location.Folder);
        Assert.True(File.Exists(Path.Combine(location.Folder!, "runbooks", "checkout-api.md")));
    }
}
