using System.Text.Json;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Local.Ops;

// What `ask` remembers of a conversation between runs: the thread's recent turns, kept in the conversation's folder
// (thread.json, for the user only), so a follow-up ("and which of them are in eu-west-1?") keeps its route and context
// as it would in a chat thread, for an hour after the last question. Each run is its own process with an in-memory
// store: the turns are put into the store before the run and read back after it. --new starts the conversation afresh.
public sealed class AskThread(LocalConversations conversations, IStateStore state, WorkerOptions worker, TimeProvider time)
{
    public const string FileName = "thread.json";

    // How long a conversation stays a thread: a question an hour after the last one starts afresh (the CLI's own
    // conversation still resumes), as a chat thread left overnight is not where a new question goes.
    public static readonly TimeSpan FollowUpWindow = TimeSpan.FromHours(1);

    // The root of the conversation's thread: every run of one conversation is a reply in one thread.
    public static string RootId(AskOptions options) => $"conversation-{options.Conversation}";

    // Puts the conversation's earlier turns into the store under threadKey; a problem to report when they could not be
    // read (the run then starts without them).
    public async Task<string?> RestoreAsync(AskOptions options, string threadKey, CancellationToken cancellationToken)
    {
        var file = Path.Join(conversations.Open(options.Conversation, options.Fresh).Folder, FileName);
        if (options.Fresh)
        {
            File.Delete(file);
            return null;
        }

        if (!File.Exists(file) || time.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(file) > FollowUpWindow)
        {
            return null;
        }

        try
        {
            var stored = JsonSerializer.Deserialize(await File.ReadAllTextAsync(file, cancellationToken), StateJsonContext.Compact.ListStoredTurn) ?? [];
            var turns = stored.Where(t => t is { Role: not null, Text: not null }).Select(t => t.ToTurn()).ToList();
            await state.SaveThreadAsync(new ThreadContext(threadKey, turns, new Dictionary<string, string>(), time.GetUtcNow()), worker.ThreadTtl, cancellationToken);
            return null;
        }
        catch (JsonException ex)
        {
            return $"the conversation's earlier turns ({file}) could not be read ({ex.Message}); this question is answered without them";
        }
    }

    // Writes the thread's turns after the run (replacing the file whole, so a crash never leaves half of it).
    public async Task KeepAsync(AskOptions options, string threadKey, CancellationToken cancellationToken)
    {
        if (await state.GetThreadAsync(threadKey, cancellationToken) is not { } thread)
        {
            return;
        }

        var folder = conversations.Open(options.Conversation, fresh: false).Folder;
        var file = Path.Join(folder, FileName);
        var temporary = file + ".new";
        var json = JsonSerializer.Serialize(thread.Turns.Select(StoredTurn.From).ToList(), StateJsonContext.Compact.ListStoredTurn);
        var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(temporary, create))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(json);
        }

        File.Move(temporary, file, overwrite: true);
    }
}
