using System.Security.Cryptography;
using System.Text;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Running;
using ChatOps.QCliProxy.Security;

namespace ChatOps.QCliProxy.Conversations;

// One working directory per conversation under QCLI_STATE_DIR, named by an HMAC of the id keyed with the proxy
// secret: no id can reach outside the root, and a CLI run that knows one conversation's folder cannot work out
// another's. A marker file written after a successful run means the CLI has a conversation there to resume.
internal sealed class ConversationStore
{
    public const string ResumeMarker = ".qcli-proxy-resume";

    private const int NameLength = 32;

    private readonly byte[] _key;
    private readonly CliUser _user;
    private readonly TimeProvider _time;

    public ConversationStore(ProxyOptions options, CliUser user, TimeProvider time)
    {
        _key = Encoding.UTF8.GetBytes(options.Secret ?? "qcli-proxy-dev-mode");
        _user = user;
        _time = time;
        Root = Path.GetFullPath(options.StateDirectory);
        Directory.CreateDirectory(Root);
        user.PrepareRoot(Root);
    }

    public string Root { get; }

    // 128 bits of HMAC-SHA256 in lowercase hex: fixed length, no separators, no dots.
    public string DirectoryName(string conversationId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(conversationId)))[..NameLength];

    public static bool IsDirectoryName(string name) => name.Length == NameLength && name.All(char.IsAsciiHexDigitLower);

    // Creates (reachable by the CLI's user only) or reuses the conversation's directory and marks it as used now.
    public ConversationDirectory Open(string conversationId)
    {
        var name = DirectoryName(conversationId);
        var path = Path.Join(Root, name);
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path);
            _user.PrepareWritable(path);
        }

        Touch(path);
        return new ConversationDirectory(name, path, File.Exists(Path.Join(path, ResumeMarker)));
    }

    // Written as a new file and renamed over the marker: a link planted in its place is replaced, never followed.
    public void MarkResumable(ConversationDirectory directory)
    {
        var temporary = Path.Join(directory.Path, ResumeMarker + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        using (new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
        }

        File.Move(temporary, Path.Join(directory.Path, ResumeMarker), overwrite: true);
        Touch(directory.Path);
    }

    // Removes agent folders an earlier run left in the conversation's folder; returns those that could not be removed.
    public IReadOnlyList<string> ClearPlantedAgents(ConversationDirectory directory) => PlantedAgents.Clear(directory.Path, _user.Account);

    // Deletes a conversation's folder; what the CLI's account made there is first removed as that account.
    public void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && _user.Account is not null)
        {
            AccountRemoval.Remove(_user.Account!, path, Directory.GetFileSystemEntries(path).Select(p => Path.GetFileName(p)).ToList());
            Directory.Delete(path, recursive: true);
        }
    }

    public void Touch(string path) => Directory.SetLastWriteTimeUtc(path, _time.GetUtcNow().UtcDateTime);
}
