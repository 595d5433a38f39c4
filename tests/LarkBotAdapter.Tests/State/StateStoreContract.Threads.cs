using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Worker;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.LarkBotAdapter.Tests.State;

/// <summary>Thread contexts are saved conditionally on their version: two turns of one thread never lose each other's
/// exchange.</summary>
public abstract partial class StateStoreContract
{
    private static readonly TimeSpan ThreadTtl = TimeSpan.FromHours(1);

    protected async Task AConditionalSaveFromAStaleVersionChangesNothing()
    {
        var store = await CreateStoreAsync();
        var empty = ThreadContext.Empty("lark:cli_app:oc_chat:om_versions", Clock.GetUtcNow());
        var first = empty with { Turns = [new ConversationTurn(ConversationTurn.User, "first")] };

        Assert.True(await store.TrySaveThreadAsync(first, ThreadTtl, CancellationToken.None));
        var stored = await store.GetThreadAsync(empty.ThreadKey, CancellationToken.None);
        Assert.False(await store.TrySaveThreadAsync(empty with { Turns = [new ConversationTurn(ConversationTurn.User, "stale")] }, ThreadTtl, CancellationToken.None));
        Assert.True(await store.TrySaveThreadAsync(stored! with { Turns = [.. stored.Turns, new ConversationTurn(ConversationTurn.User, "second")] }, ThreadTtl, CancellationToken.None));
        var loaded = await store.GetThreadAsync(empty.ThreadKey, CancellationToken.None);

        Assert.Equal(1, stored.Version);
        Assert.Equal(2, loaded!.Version);
        Assert.Equal(["first", "second"], loaded.Turns.Select(t => t.Text));
    }

    protected async Task TwoTurnsSavingOneThreadAtOnceKeepBothExchanges()
    {
        var store = await CreateStoreAsync();
        var key = "lark:cli_app:oc_chat:om_two_turns";
        await store.TrySaveThreadAsync(
            ThreadContext.Empty(key, Clock.GetUtcNow()) with
            {
                Turns = [new ConversationTurn(ConversationTurn.User, "q0", Intent.AwsOps), new ConversationTurn(ConversationTurn.Assistant, "a0")],
                Attributes = new Dictionary<string, string> { ["kept"] = "yes" },
            },
            ThreadTtl,
            CancellationToken.None);
        // Both turns read the same version before either saves.
        var readByA = (await store.GetThreadAsync(key, CancellationToken.None))!;
        var readByB = (await store.GetThreadAsync(key, CancellationToken.None))!;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new WorkerOptions();
        Task Save(ThreadContext read, string name, string attribute) => Task.Run(async () =>
        {
            await start.Task;
            var attributes = new Dictionary<string, string>(read.Attributes) { [attribute] = name };
            ConversationTurn[] exchange = [new(ConversationTurn.User, "q" + name, Intent.AwsOps), new(ConversationTurn.Assistant, "a" + name)];
            await ThreadContextSaver.SaveAsync(store, read, exchange, attributes, options, Clock, NullLogger.Instance, name, CancellationToken.None);
        });
        var saves = new[] { Save(readByA, "A", "ops.awsProfile"), Save(readByB, "B", "kbSessionId") };
        start.SetResult();
        await Task.WhenAll(saves);
        var loaded = (await store.GetThreadAsync(key, CancellationToken.None))!;

        var texts = loaded.Turns.Select(t => t.Text).ToArray();
        Assert.Equal(6, texts.Length);
        Assert.Equal(["q0", "a0"], texts[..2]);
        Assert.Contains("qA", texts);
        Assert.Contains("aA", texts);
        Assert.Contains("qB", texts);
        Assert.Contains("aB", texts);
        Assert.Equal(("yes", "A", "B"), (loaded.Attributes["kept"], loaded.Attributes["ops.awsProfile"], loaded.Attributes["kbSessionId"]));
        Assert.Equal(3, loaded.Version);
    }
}
