using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.State;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.LarkBotAdapter.Tests.State;

/// <summary>What every <see cref="IStateStore"/> must do; each store's test class runs these scenarios
/// from its own facts (a DynamoDB fact must be skippable on its own, which inherited facts cannot be).</summary>
public abstract partial class StateStoreContract
{
    private static readonly TimeSpan ClaimTtl = TimeSpan.FromHours(8);

    protected FakeTimeProvider Clock { get; } = new();

    protected abstract Task<IStateStore> CreateStoreAsync();

    protected async Task OnlyOneOfTwentyConcurrentClaimsWins()
    {
        var store = await CreateStoreAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claims = Enumerable.Range(0, 20)
            .Select(_ => Task.Run(async () =>
            {
                await start.Task;
                return await store.TryClaimAsync("lark:cli_app:om_concurrent", Guid.NewGuid().ToString("N"), ClaimTtl, CancellationToken.None);
            }))
            .ToList();
        start.SetResult();

        var results = await Task.WhenAll(claims);

        Assert.Single(results, won => won);
    }

    protected async Task ASecondClaimOfTheSameKeyIsRefused()
    {
        var store = await CreateStoreAsync();

        Assert.True(await store.TryClaimAsync("lark:cli_app:om_1", Guid.NewGuid().ToString("N"), ClaimTtl, CancellationToken.None));
        Assert.False(await store.TryClaimAsync("lark:cli_app:om_1", Guid.NewGuid().ToString("N"), ClaimTtl, CancellationToken.None));
        Assert.True(await store.TryClaimAsync("lark:cli_app:om_2", Guid.NewGuid().ToString("N"), ClaimTtl, CancellationToken.None));
    }

    protected async Task AnExpiredClaimCanBeClaimedAgain()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.TryClaimAsync("slack:T1:1700000000.000100", Guid.NewGuid().ToString("N"), TimeSpan.FromMinutes(1), CancellationToken.None));

        Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False(await store.TryClaimAsync("slack:T1:1700000000.000100", Guid.NewGuid().ToString("N"), TimeSpan.FromMinutes(1), CancellationToken.None));

        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await store.TryClaimAsync("slack:T1:1700000000.000100", Guid.NewGuid().ToString("N"), TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.False(await store.TryClaimAsync("slack:T1:1700000000.000100", Guid.NewGuid().ToString("N"), TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    protected async Task AReleaseGivesUpOnlyTheReleasersOwnClaim()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.TryClaimAsync("lark:cli_app:om_r", "first", ClaimTtl, CancellationToken.None));

        await store.ReleaseClaimAsync("lark:cli_app:om_r", "someone-else", CancellationToken.None);
        Assert.False(await store.TryClaimAsync("lark:cli_app:om_r", "second", ClaimTtl, CancellationToken.None));

        await store.ReleaseClaimAsync("lark:cli_app:om_r", "first", CancellationToken.None);
        Assert.True(await store.TryClaimAsync("lark:cli_app:om_r", "third", ClaimTtl, CancellationToken.None));
    }

    protected async Task AJobLeaseIsHeldByOneRunThenDone()
    {
        var store = await CreateStoreAsync();
        var lease = TimeSpan.FromSeconds(30);

        Assert.Equal(JobLease.Acquired, await store.TryLeaseJobAsync("lark:cli_app:om_j", "run-1", lease, CancellationToken.None));
        Assert.Equal(JobLease.Acquired, await store.TryLeaseJobAsync("lark:cli_app:om_j", "run-1", lease, CancellationToken.None));
        Assert.Equal(JobLease.Running, await store.TryLeaseJobAsync("lark:cli_app:om_j", "run-2", lease, CancellationToken.None));
        Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await store.RenewJobLeaseAsync("lark:cli_app:om_j", "run-1", lease, CancellationToken.None));
        Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(JobLease.Running, await store.TryLeaseJobAsync("lark:cli_app:om_j", "run-2", lease, CancellationToken.None));

        await store.CompleteJobAsync("lark:cli_app:om_j", "run-1", TimeSpan.FromHours(24), CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(JobLease.Done, await store.TryLeaseJobAsync("lark:cli_app:om_j", "run-3", lease, CancellationToken.None));
    }

    protected async Task ALeaseThatStoppedBeingRenewedIsTakenOver()
    {
        var store = await CreateStoreAsync();
        var lease = TimeSpan.FromSeconds(30);
        Assert.Equal(JobLease.Acquired, await store.TryLeaseJobAsync("lark:cli_app:om_c", "crashed", lease, CancellationToken.None));

        Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(JobLease.Acquired, await store.TryLeaseJobAsync("lark:cli_app:om_c", "retry", lease, CancellationToken.None));
        Assert.False(await store.RenewJobLeaseAsync("lark:cli_app:om_c", "crashed", lease, CancellationToken.None));
        await store.CompleteJobAsync("lark:cli_app:om_c", "crashed", TimeSpan.FromHours(24), CancellationToken.None);
        Assert.Equal(JobLease.Running, await store.TryLeaseJobAsync("lark:cli_app:om_c", "third", lease, CancellationToken.None));
    }

    protected async Task AReleasedLeaseIsFreeAtOnce()
    {
        var store = await CreateStoreAsync();
        var lease = TimeSpan.FromSeconds(30);
        Assert.Equal(JobLease.Acquired, await store.TryLeaseJobAsync("lark:cli_app:om_f", "failed", lease, CancellationToken.None));

        await store.ReleaseJobLeaseAsync("lark:cli_app:om_f", "someone-else", CancellationToken.None);
        Assert.Equal(JobLease.Running, await store.TryLeaseJobAsync("lark:cli_app:om_f", "retry", lease, CancellationToken.None));
        await store.ReleaseJobLeaseAsync("lark:cli_app:om_f", "failed", CancellationToken.None);

        Assert.Equal(JobLease.Acquired, await store.TryLeaseJobAsync("lark:cli_app:om_f", "retry", lease, CancellationToken.None));
    }

    protected async Task AThreadContextRoundTrips()
    {
        var store = await CreateStoreAsync();
        var saved = new ThreadContext(
            "lark:cli_app:oc_chat:om_root",
            [
                new ConversationTurn(ConversationTurn.User, "生产环境的 EKS 集群现在健康吗？", Intent.AwsOps),
                new ConversationTurn(ConversationTurn.Assistant, "三个节点都是 Ready 状态。\n\"quoted\" 🚀"),
                new ConversationTurn(ConversationTurn.User, "What is the SLA for P1 incidents?", Intent.KnowledgeBase),
                new ConversationTurn(ConversationTurn.User, "讲个笑话", Intent.OffTopic),
            ],
            new Dictionary<string, string> { ["kbSessionId"] = "session-123", ["标签"] = "值" },
            Clock.GetUtcNow().AddMilliseconds(123));

        await store.SaveThreadAsync(saved, TimeSpan.FromDays(1), CancellationToken.None);
        var loaded = await store.GetThreadAsync(saved.ThreadKey, CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal(saved.ThreadKey, loaded.ThreadKey);
        Assert.Equal(saved.Turns, loaded.Turns);
        Assert.Equal(saved.Attributes.OrderBy(a => a.Key), loaded.Attributes.OrderBy(a => a.Key));
        Assert.Equal(saved.UpdatedAt, loaded.UpdatedAt);
    }

    protected async Task SavingAThreadAgainReplacesIt()
    {
        var store = await CreateStoreAsync();
        var first = ThreadContext.Empty("slack:T1:C1:1700000000.000100", Clock.GetUtcNow()) with
        {
            Turns = [new ConversationTurn(ConversationTurn.User, "first")],
            Attributes = new Dictionary<string, string> { ["old"] = "1" },
        };
        var second = first with { Turns = [new ConversationTurn(ConversationTurn.User, "second")], Attributes = new Dictionary<string, string>() };

        await store.SaveThreadAsync(first, TimeSpan.FromHours(1), CancellationToken.None);
        await store.SaveThreadAsync(second, TimeSpan.FromHours(1), CancellationToken.None);
        var loaded = await store.GetThreadAsync(first.ThreadKey, CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal("second", Assert.Single(loaded.Turns).Text);
        Assert.Empty(loaded.Attributes);
    }

    protected async Task AThreadIsForgottenAfterItsTtl()
    {
        var store = await CreateStoreAsync();
        var thread = ThreadContext.Empty("lark:cli_app:oc_chat:om_ttl", Clock.GetUtcNow());
        Assert.Null(await store.GetThreadAsync(thread.ThreadKey, CancellationToken.None));

        await store.SaveThreadAsync(thread, TimeSpan.FromHours(1), CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.NotNull(await store.GetThreadAsync(thread.ThreadKey, CancellationToken.None));

        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(await store.GetThreadAsync(thread.ThreadKey, CancellationToken.None));
    }

    protected async Task AThreadIsActiveUntilItsMarkerExpires()
    {
        var store = await CreateStoreAsync();
        Assert.False(await store.IsThreadActiveAsync("lark:cli_app:oc_chat:om_active", CancellationToken.None));

        await store.MarkThreadActiveAsync("lark:cli_app:oc_chat:om_active", TimeSpan.FromHours(1), CancellationToken.None);
        Assert.True(await store.IsThreadActiveAsync("lark:cli_app:oc_chat:om_active", CancellationToken.None));
        Assert.False(await store.IsThreadActiveAsync("lark:cli_app:oc_chat:om_other", CancellationToken.None));

        Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.False(await store.IsThreadActiveAsync("lark:cli_app:oc_chat:om_active", CancellationToken.None));
    }

    protected async Task PostedSegmentsAreRecordedPerJobAndAccumulate()
    {
        var store = await CreateStoreAsync();
        const string Job = "slack:T0TEST:C0OPS:1700000000.000100";
        Assert.Empty(await store.GetPostedSegmentsAsync(Job, CancellationToken.None));

        await store.RecordPostedSegmentAsync(Job, -1, "1700000001.000200", TimeSpan.FromHours(1), CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            store.RecordPostedSegmentAsync(Job, i, $"1700000002.00030{i}", TimeSpan.FromHours(1), CancellationToken.None)));
        await store.RecordPostedSegmentAsync("slack:T0TEST:C0OPS:other", 0, "x", TimeSpan.FromHours(1), CancellationToken.None);

        var posted = await store.GetPostedSegmentsAsync(Job, CancellationToken.None);
        Assert.Equal([-1, 0, 1, 2, 3, 4], posted.Keys.Order());
        Assert.Equal("1700000001.000200", posted[-1]);
        Assert.Equal("1700000002.000303", posted[3]);
    }

    // Live answers keep their cards at positions -1000, -1001, …: first recorded without the reply's message id, then
    // recorded again with it. The second record must replace the first, next to the job's segments.
    protected async Task LivePartsAreRecordedBelowSegmentsAndReplacedInPlace()
    {
        var store = await CreateStoreAsync();
        const string Job = "lark:cli_app:om_live";
        await store.RecordPostedSegmentAsync(Job, 0, "om_segment", TimeSpan.FromHours(1), CancellationToken.None);
        await store.RecordPostedSegmentAsync(Job, -1000, "card:7355:1700000000000:", TimeSpan.FromHours(1), CancellationToken.None);
        await store.RecordPostedSegmentAsync(Job, -1000, "card:7355:1700000000000:om_card", TimeSpan.FromHours(1), CancellationToken.None);
        await store.RecordPostedSegmentAsync(Job, -1001, "card:7356:1700000000500:om_next", TimeSpan.FromHours(1), CancellationToken.None);

        var posted = await store.GetPostedSegmentsAsync(Job, CancellationToken.None);
        Assert.Equal([-1001, -1000, 0], posted.Keys.Order());
        Assert.Equal("card:7355:1700000000000:om_card", posted[-1000]);
        Assert.Equal("card:7356:1700000000500:om_next", posted[-1001]);
    }

    protected async Task PostedSegmentsAreForgottenAfterTheirTtl()
    {
        var store = await CreateStoreAsync();
        const string Job = "slack:T0TEST:C0OPS:1700000000.000900";
        await store.RecordPostedSegmentAsync(Job, 0, "ts-0", TimeSpan.FromMinutes(10), CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(5));
        await store.RecordPostedSegmentAsync(Job, 1, "ts-1", TimeSpan.FromMinutes(10), CancellationToken.None);

        Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(2, (await store.GetPostedSegmentsAsync(Job, CancellationToken.None)).Count);

        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(await store.GetPostedSegmentsAsync(Job, CancellationToken.None));

        // A new record after expiry starts afresh instead of reviving the expired ones.
        await store.RecordPostedSegmentAsync(Job, 2, "ts-2", TimeSpan.FromMinutes(10), CancellationToken.None);
        Assert.Equal([2], (await store.GetPostedSegmentsAsync(Job, CancellationToken.None)).Keys);
    }

    protected async Task AWindowCountsEachMemberOnceUpToItsCap()
    {
        var store = await CreateStoreAsync();
        var ttl = TimeSpan.FromMinutes(2);

        Assert.Equal(1, await store.CountInWindowAsync("lark:cli_app:ou_1#60", "om_a", 3, ttl, CancellationToken.None));
        Assert.Equal(2, await store.CountInWindowAsync("lark:cli_app:ou_1#60", "om_b", 3, ttl, CancellationToken.None));
        Assert.Equal(2, await store.CountInWindowAsync("lark:cli_app:ou_1#60", "om_a", 3, ttl, CancellationToken.None));
        Assert.Equal(3, await store.CountInWindowAsync("lark:cli_app:ou_1#60", "om_c", 3, ttl, CancellationToken.None));
        Assert.Equal(3, await store.CountInWindowAsync("lark:cli_app:ou_1#60", "om_d", 3, ttl, CancellationToken.None));
        Assert.Equal(1, await store.CountInWindowAsync("lark:cli_app:ou_2#60", "om_e", 3, ttl, CancellationToken.None));
        Assert.Equal(1, await store.CountInWindowAsync("lark:cli_app:ou_1#120", "om_f", 3, ttl, CancellationToken.None));
    }

    protected async Task ConcurrentMembersOfAWindowAreAllCounted()
    {
        var store = await CreateStoreAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var counts = Enumerable.Range(0, 10)
            .Select(i => Task.Run(async () =>
            {
                await start.Task;
                return await store.CountInWindowAsync("slack:T1:U1#60", $"m{i}", 100, TimeSpan.FromMinutes(2), CancellationToken.None);
            }))
            .ToList();
        start.SetResult();

        var results = await Task.WhenAll(counts);

        Assert.Equal(Enumerable.Range(1, 10), results.Order());
    }

    protected async Task AVoteIsKeptOncePerVoterAndReplacedByTheirNextOne()
    {
        var store = await CreateStoreAsync();
        var ttl = TimeSpan.FromDays(90);
        AnswerVote Vote(string voter, string vote) =>
            new("lark:cli_app:om_answer", voter, vote, "aws_ops", "q-cli", "bedrock", 4200, Clock.GetUtcNow());

        Assert.Null(await store.RecordVoteAsync(Vote("lark:ou_a", "up"), ttl, CancellationToken.None));
        Assert.Equal("up", await store.RecordVoteAsync(Vote("lark:ou_a", "up"), ttl, CancellationToken.None));
        Assert.Equal("up", await store.RecordVoteAsync(Vote("lark:ou_a", "down"), ttl, CancellationToken.None));
        Assert.Null(await store.RecordVoteAsync(Vote("lark:ou_b", "up"), ttl, CancellationToken.None));
        Assert.Null(await store.RecordVoteAsync(Vote("lark:ou_a", "up") with { AnswerKey = "lark:cli_app:om_other" }, ttl, CancellationToken.None));
        Assert.Equal("down", await store.RecordVoteAsync(Vote("lark:ou_a", "down"), ttl, CancellationToken.None));

        // After its retention a vote is gone: the next click counts as a first one.
        Clock.Advance(TimeSpan.FromDays(91));
        Assert.Null(await store.RecordVoteAsync(Vote("lark:ou_a", "up"), ttl, CancellationToken.None));
    }
}
