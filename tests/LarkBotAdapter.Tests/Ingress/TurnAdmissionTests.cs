using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.LarkBotAdapter.Tests.Ingress;

public sealed class TurnAdmissionTests
{
    private static readonly ChatTurn Turn = new("lark", "cli_app", "oc_chat", "group", "om_1", null, null, "ou_user", "text", "how do I roll back?", ["ou_bot"]);

    private readonly RecordingDispatcher _dispatcher = new();

    [Fact]
    public async Task ClaimAndThreadMarkerAreWrittenTogetherNotOneAfterTheOther()
    {
        // The claim only returns once the marker write has started: written one after the other, this never completes.
        var store = new GatedStore { ClaimWaitsForMarker = true };

        var outcome = await Admission(store).AdmitAsync(Turn, needsAddressCheck: false, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(AdmissionOutcome.Accepted, outcome);
        Assert.Single(_dispatcher.Jobs);
        Assert.True(await store.IsThreadActiveAsync(Turn.ThreadKey, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimedMessageIsHandedOffEvenWhenItsThreadCannotBeMarked()
    {
        var store = new GatedStore { MarkerFailure = new InvalidOperationException("marker write failed") };

        var outcome = await Admission(store).AdmitAsync(Turn, needsAddressCheck: false, CancellationToken.None);

        Assert.Equal(AdmissionOutcome.Accepted, outcome);
        Assert.Single(_dispatcher.Jobs);
    }

    [Fact]
    public async Task DuplicateIsNotHandedOff()
    {
        var store = new GatedStore();
        var admission = Admission(store);

        await admission.AdmitAsync(Turn, needsAddressCheck: false, CancellationToken.None);
        var second = await admission.AdmitAsync(Turn, needsAddressCheck: false, CancellationToken.None);

        Assert.Equal(AdmissionOutcome.Duplicate, second);
        Assert.Single(_dispatcher.Jobs);
    }

    [Fact]
    public async Task ClaimStoreThatNeverAnswersCountsAsUnavailableOnceTheClaimBudgetIsSpent()
    {
        var time = new FakeTimeProvider();
        var store = new GatedStore { ClaimHangs = true };

        var admitting = Admission(store, time).AdmitAsync(Turn, needsAddressCheck: false, CancellationToken.None);
        Assert.False(admitting.IsCompleted);
        time.Advance(TurnAdmission.ClaimBudget);
        var outcome = await admitting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(AdmissionOutcome.StoreUnavailable, outcome);
        Assert.Empty(_dispatcher.Jobs);
    }

    private TurnAdmission Admission(IStateStore store, TimeProvider? time = null) =>
        new(store, _dispatcher, new WorkerOptions(), time ?? TimeProvider.System, new Lazy<ChatChannels>(() => new ChatChannels([])), NullLogger<TurnAdmission>.Instance);

    private sealed class RecordingDispatcher : IJobDispatcher
    {
        public List<WorkJob> Jobs { get; } = [];

        public Task DispatchAsync(WorkJob job, CancellationToken cancellationToken)
        {
            Jobs.Add(job);
            return Task.CompletedTask;
        }
    }

    private sealed class GatedStore : IStateStore
    {
        private readonly InMemoryStateStore _inner = new(TimeProvider.System);
        private readonly TaskCompletionSource _markerStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool ClaimWaitsForMarker { get; init; }

        public bool ClaimHangs { get; init; }

        public Exception? MarkerFailure { get; init; }

        public async Task<bool> TryClaimAsync(string claimKey, string owner, TimeSpan ttl, CancellationToken cancellationToken)
        {
            if (ClaimWaitsForMarker)
            {
                await _markerStarted.Task;
            }
            if (ClaimHangs)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            return await _inner.TryClaimAsync(claimKey, owner, ttl, cancellationToken);
        }

        public async Task MarkThreadActiveAsync(string threadKey, TimeSpan ttl, CancellationToken cancellationToken)
        {
            _markerStarted.TrySetResult();
            await Task.Yield();
            if (MarkerFailure is not null)
            {
                throw MarkerFailure;
            }
            await _inner.MarkThreadActiveAsync(threadKey, ttl, cancellationToken);
        }

        public Task ReleaseClaimAsync(string claimKey, string owner, CancellationToken cancellationToken) => _inner.ReleaseClaimAsync(claimKey, owner, cancellationToken);

        public Task<JobLease> TryLeaseJobAsync(string jobKey, string owner, TimeSpan leaseFor, CancellationToken cancellationToken) =>
            _inner.TryLeaseJobAsync(jobKey, owner, leaseFor, cancellationToken);

        public Task<bool> RenewJobLeaseAsync(string jobKey, string owner, TimeSpan leaseFor, CancellationToken cancellationToken) =>
            _inner.RenewJobLeaseAsync(jobKey, owner, leaseFor, cancellationToken);

        public Task CompleteJobAsync(string jobKey, string owner, TimeSpan keepFor, CancellationToken cancellationToken) =>
            _inner.CompleteJobAsync(jobKey, owner, keepFor, cancellationToken);

        public Task ReleaseJobLeaseAsync(string jobKey, string owner, CancellationToken cancellationToken) =>
            _inner.ReleaseJobLeaseAsync(jobKey, owner, cancellationToken);

        public Task<string?> RecordVoteAsync(AnswerVote vote, TimeSpan ttl, CancellationToken cancellationToken) =>
            _inner.RecordVoteAsync(vote, ttl, cancellationToken);

        public Task<bool> IsThreadActiveAsync(string threadKey, CancellationToken cancellationToken) => _inner.IsThreadActiveAsync(threadKey, cancellationToken);

        public Task<ThreadContext?> GetThreadAsync(string threadKey, CancellationToken cancellationToken) => _inner.GetThreadAsync(threadKey, cancellationToken);

        public Task SaveThreadAsync(ThreadContext thread, TimeSpan ttl, CancellationToken cancellationToken) => _inner.SaveThreadAsync(thread, ttl, cancellationToken);

        public Task<bool> TrySaveThreadAsync(ThreadContext thread, TimeSpan ttl, CancellationToken cancellationToken) => _inner.TrySaveThreadAsync(thread, ttl, cancellationToken);

        public Task<IReadOnlyDictionary<int, string>> GetPostedSegmentsAsync(string jobKey, CancellationToken cancellationToken) =>
            _inner.GetPostedSegmentsAsync(jobKey, cancellationToken);

        public Task RecordPostedSegmentAsync(string jobKey, int index, string messageRef, TimeSpan ttl, CancellationToken cancellationToken) =>
            _inner.RecordPostedSegmentAsync(jobKey, index, messageRef, ttl, cancellationToken);

        public Task<int> CountInWindowAsync(string windowKey, string member, int cap, TimeSpan ttl, CancellationToken cancellationToken) =>
            _inner.CountInWindowAsync(windowKey, member, cap, ttl, cancellationToken);
    }
}
