using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Conversations;
using ChatOps.QCliProxy.Running;
using ChatOps.QCliProxy.Security;

namespace ChatOps.QCliProxy.Tests.Conversations;

public sealed class ConversationStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "qcli-proxy-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("../../etc")]
    [InlineData("/")]
    [InlineData("a\0b")]
    [InlineData("lark:oc_123:om_456")]
    [InlineData("..")]
    public void EveryIdMapsToAFixedLengthHexNameInsideTheRoot(string id)
    {
        var store = Store();

        var directory = store.Open(id);

        Assert.Matches("^[0-9a-f]{32}$", directory.Name);
        Assert.Equal(store.Root, Path.GetDirectoryName(directory.Path));
        Assert.True(Directory.Exists(directory.Path));
    }

    [Fact]
    public void SameIdSameDirectoryOtherIdOtherDirectory()
    {
        var store = Store();

        Assert.Equal(store.Open("thread-1").Path, store.Open("thread-1").Path);
        Assert.NotEqual(store.Open("thread-1").Path, store.Open("thread-2").Path);
    }

    [Fact]
    public void ResumeOnlyAfterASuccessfulRunWasMarked()
    {
        var store = Store();

        var first = store.Open("thread-1");
        store.MarkResumable(first);

        Assert.False(first.Resume);
        Assert.True(store.Open("thread-1").Resume);
    }

    [Fact]
    public void NamesAreKeyedWithTheSecretSoARunCannotWorkOutAnotherConversationsFolder()
    {
        var store = Store();
        var unkeyed = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("thread-1"u8))[..32];
        var otherKey = new ProxyOptions { StateDirectory = _root, Secret = "another-secret-000000" };

        var name = store.Open("thread-1").Name;

        Assert.NotEqual(unkeyed, name);
        Assert.NotEqual(new ConversationStore(otherKey, new CliUser(otherKey), TimeProvider.System).DirectoryName("thread-1"), name);
    }

    [Fact]
    public void DirectoryIsReadableByItsOwnerOnly()
    {
        var directory = Store().Open("thread-1");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory.Path));
    }

    [Fact]
    public void ResumeMarkerIsNotWrittenThroughALinkPlantedInItsPlace()
    {
        var store = Store();
        var directory = store.Open("thread-1");
        var victim = Path.Join(_root, "victim.txt");
        File.WriteAllText(victim, "keep");
        File.CreateSymbolicLink(Path.Join(directory.Path, ConversationStore.ResumeMarker), victim);

        store.MarkResumable(directory);

        Assert.Equal("keep", File.ReadAllText(victim));
        var marker = new FileInfo(Path.Join(directory.Path, ConversationStore.ResumeMarker));
        Assert.Null(marker.LinkTarget);
        Assert.True(marker.Exists);
        Assert.Equal([ConversationStore.ResumeMarker], Directory.GetFileSystemEntries(directory.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void PlantedAgentFoldersAreRemovedAndLinksAreNotFollowed()
    {
        var store = Store();
        var directory = store.Open("thread-1");
        Directory.CreateDirectory(Path.Join(directory.Path, ".kiro", "agents"));
        File.WriteAllText(Path.Join(directory.Path, ".kiro", "agents", "chatops.json"), "{}");
        Directory.CreateDirectory(Path.Join(directory.Path, ".cli-home", ".kiro", "agents"));
        File.WriteAllText(Path.Join(directory.Path, ".cli-home", ".kiro", "agents", "chatops.json"), "{}");
        Directory.CreateDirectory(Path.Join(directory.Path, ".cli-home", ".kube"));
        File.WriteAllText(Path.Join(directory.Path, ".cli-home", ".kube", "config"), "server: https://attacker.invalid");
        var outside = Directory.CreateDirectory(Path.Join(_root, "outside", "cli-agents")).FullName;
        File.WriteAllText(Path.Join(outside, "keep.json"), "{}");
        Directory.CreateSymbolicLink(Path.Join(directory.Path, ".amazonq"), Path.Join(_root, "outside"));
        File.WriteAllText(Path.Join(directory.Path, "notes.txt"), "stays");

        var left = store.ClearPlantedAgents(directory);

        Assert.Empty(left);
        Assert.Equal(["notes.txt", ".cli-home"], Directory.GetFileSystemEntries(directory.Path).Select(Path.GetFileName).Order().Reverse());
        Assert.Empty(Directory.GetFileSystemEntries(Path.Join(directory.Path, ".cli-home")));
        Assert.True(File.Exists(Path.Join(outside, "keep.json")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private ConversationStore Store()
    {
        Directory.CreateDirectory(_root);
        var options = new ProxyOptions { StateDirectory = _root, Secret = "test-proxy-secret-0001" };
        return new ConversationStore(options, new CliUser(options), TimeProvider.System);
    }
}
