namespace ChatOps.LarkBotAdapter.Tests.Local;

/// <summary>A cache folder of its own for one <c>ask</c> run (<c>XDG_CACHE_HOME</c>): <c>ask</c> keeps its conversations
/// there (<c>AskThread</c>), so a run never reads another test's thread nor writes into the real home.</summary>
internal static class AskCache
{
    public static KeyValuePair<string, string?> Fresh() =>
        new("XDG_CACHE_HOME", Directory.CreateTempSubdirectory("chatops-ask-cache-").FullName);
}
