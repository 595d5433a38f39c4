using System.Security.Cryptography;
using System.Text;
using ChatOps.QCliProxy.Configuration;

namespace ChatOps.QCliProxy.Conversations;

/// <summary>
/// One working directory per conversation under <c>QCLI_STATE_DIR</c>, named by a hash of the id so no id can reach
/// outside it. A marker file written after a successful run means the CLI has a conversation there to resume.
/// </summary>
internal sealed class ConversationStore(ProxyOptions options, TimeProvider time)
{
    public const string ResumeMarker = ".qcli-proxy-resume";

    private const int NameLength = 32;

    public string Root { get; } = Path.GetFullPath(options.StateDirectory);

    /// <summary>128 bits of SHA-256 in lowercase hex: fixed length, no separators, no dots.</summary>
    public static string DirectoryName(string conversationId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId)))[..NameLength];

    public static bool IsDirectoryName(string name) => name.Length == NameLength && name.All(char.IsAsciiHexDigitLower);

    /// <summary>Creates (owner-only) or reuses the conversation's directory and marks it as used now.</summary>
    public ConversationDirectory Open(string conversationId)
    {
        var name = DirectoryName(conversationId);
        var path = Path.Join(Root, name);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Touch(path);
        return new ConversationDirectory(name, path, File.Exists(Path.Join(path, ResumeMarker)));
    }

    public void MarkResumable(ConversationDirectory directory)
    {
        File.WriteAllBytes(Path.Join(directory.Path, ResumeMarker), []);
        Touch(directory.Path);
    }

    public void Touch(string path) => Directory.SetLastWriteTimeUtc(path, time.GetUtcNow().UtcDateTime);
}
