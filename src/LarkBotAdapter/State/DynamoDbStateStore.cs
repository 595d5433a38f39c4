using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.LarkBotAdapter.State;

// State shared by every instance, in one DynamoDB table (docs/CONTRACTS.md §6: pk/sk strings,
// TTL attribute expiresAt in epoch seconds). Items: claim#key/claim,
// thread#key/active, thread#key/context, job#key/segments (one
// seg_<index> attribute per posted reply segment), job#key/lease (owner, state
// running/done, leaseUntil in epoch milliseconds) and window#key/members (a string
// set, for rate limits). Thread contexts: DynamoDbStateStore.Threads.cs.
public sealed partial class DynamoDbStateStore(
    IAmazonDynamoDB client,
    string tableName,
    TimeProvider timeProvider,
    ILogger<DynamoDbStateStore>? logger = null) : IStateStore
{
    private const string ExpiresAt = "expiresAt";
    private const string SegmentPrefix = "seg_";
    private const string Owner = "owner";
    private const string LeaseState = "state";
    private const string LeaseUntil = "leaseUntil";
    private const string Running = "running";
    private const string Done = "done";
    private readonly ILogger _logger = logger ?? NullLogger<DynamoDbStateStore>.Instance;

    // The table this store reads and writes.
    public string TableName { get; } = string.IsNullOrWhiteSpace(tableName)
        ? throw new ArgumentException("A DynamoDB table name is required.", nameof(tableName))
        : tableName;

    public async Task<bool> TryClaimAsync(string claimKey, string owner, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimKey);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var now = timeProvider.GetUtcNow();
        var item = NewItem("claim#" + claimKey, "claim", now + ttl);
        item[Owner] = new AttributeValue { S = owner };
        var request = new PutItemRequest
        {
            TableName = TableName,
            Item = item,
            // TTL deletion is lazy (up to days), so an expired claim that is still present must be claimable.
            ConditionExpression = "attribute_not_exists(pk) OR expiresAt < :now",
            ExpressionAttributeValues = new() { [":now"] = Number(FloorSeconds(now)) },
        };
        try
        {
            await CallAsync("claim", () => client.PutItemAsync(request, cancellationToken), cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            // The SDK retries a put whose response was lost; the retry then fails on our own item. Only a claim
            // written by someone else is a duplicate, or this message would never be answered.
            var existing = await GetLiveItemAsync("claim#" + claimKey, "claim", "claim check", cancellationToken);
            return existing is not null && existing.TryGetValue(Owner, out var holder) && holder.S == owner;
        }
    }

    public async Task ReleaseClaimAsync(string claimKey, string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimKey);
        var request = new DeleteItemRequest
        {
            TableName = TableName,
            Key = Key("claim#" + claimKey, "claim"),
            ConditionExpression = "#owner = :owner",
            ExpressionAttributeNames = new() { ["#owner"] = Owner },
            ExpressionAttributeValues = new() { [":owner"] = new AttributeValue { S = owner } },
        };
        await IgnoreLostConditionAsync("release", () => client.DeleteItemAsync(request, cancellationToken), cancellationToken);
    }

    public async Task<JobLease> TryLeaseJobAsync(string jobKey, string owner, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobKey);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var now = timeProvider.GetUtcNow();
        var item = NewItem("job#" + jobKey, "lease", now + leaseFor);
        item[Owner] = new AttributeValue { S = owner };
        item[LeaseState] = new AttributeValue { S = Running };
        item[LeaseUntil] = Number((now + leaseFor).ToUnixTimeMilliseconds());
        var request = new PutItemRequest
        {
            TableName = TableName,
            Item = item,
            // Free, expired, or held by a run that stopped renewing it (crashed): take it.
            ConditionExpression = "attribute_not_exists(pk) OR expiresAt < :now OR (#state = :running AND leaseUntil < :nowMs)",
            ExpressionAttributeNames = new() { ["#state"] = LeaseState },
            ExpressionAttributeValues = new()
            {
                [":now"] = Number(FloorSeconds(now)),
                [":nowMs"] = Number(now.ToUnixTimeMilliseconds()),
                [":running"] = new AttributeValue { S = Running },
            },
        };
        try
        {
            await CallAsync("lease job", () => client.PutItemAsync(request, cancellationToken), cancellationToken);
            return JobLease.Acquired;
        }
        catch (ConditionalCheckFailedException)
        {
            // As with claims: a put retried by the SDK after a lost response fails on our own item.
            var existing = await GetLiveItemAsync("job#" + jobKey, "lease", "lease check", cancellationToken);
            return existing switch
            {
                null => JobLease.Running,
                _ when existing.TryGetValue(LeaseState, out var state) && state.S == Done => JobLease.Done,
                _ when existing.TryGetValue(Owner, out var holder) && holder.S == owner => JobLease.Acquired,
                _ => JobLease.Running,
            };
        }
    }

    public async Task<bool> RenewJobLeaseAsync(string jobKey, string owner, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        var until = timeProvider.GetUtcNow() + leaseFor;
        var request = new UpdateItemRequest
        {
            TableName = TableName,
            Key = Key("job#" + jobKey, "lease"),
            UpdateExpression = "SET leaseUntil = :untilMs, expiresAt = :exp",
            ConditionExpression = "#owner = :owner AND #state = :running",
            ExpressionAttributeNames = new() { ["#owner"] = Owner, ["#state"] = LeaseState },
            ExpressionAttributeValues = new()
            {
                [":untilMs"] = Number(until.ToUnixTimeMilliseconds()),
                [":exp"] = Number(CeilingSeconds(until)),
                [":owner"] = new AttributeValue { S = owner },
                [":running"] = new AttributeValue { S = Running },
            },
        };
        return await IgnoreLostConditionAsync("renew job lease", () => client.UpdateItemAsync(request, cancellationToken), cancellationToken);
    }

    public async Task CompleteJobAsync(string jobKey, string owner, TimeSpan keepFor, CancellationToken cancellationToken)
    {
        var request = new UpdateItemRequest
        {
            TableName = TableName,
            Key = Key("job#" + jobKey, "lease"),
            UpdateExpression = "SET #state = :done, expiresAt = :exp REMOVE leaseUntil",
            ConditionExpression = "#owner = :owner",
            ExpressionAttributeNames = new() { ["#owner"] = Owner, ["#state"] = LeaseState },
            ExpressionAttributeValues = new()
            {
                [":done"] = new AttributeValue { S = Done },
                [":exp"] = Number(CeilingSeconds(timeProvider.GetUtcNow() + keepFor)),
                [":owner"] = new AttributeValue { S = owner },
            },
        };
        await IgnoreLostConditionAsync("complete job", () => client.UpdateItemAsync(request, cancellationToken), cancellationToken);
    }

    public async Task ReleaseJobLeaseAsync(string jobKey, string owner, CancellationToken cancellationToken)
    {
        var request = new DeleteItemRequest
        {
            TableName = TableName,
            Key = Key("job#" + jobKey, "lease"),
            ConditionExpression = "#owner = :owner AND #state = :running",
            ExpressionAttributeNames = new() { ["#owner"] = Owner, ["#state"] = LeaseState },
            ExpressionAttributeValues = new()
            {
                [":owner"] = new AttributeValue { S = owner },
                [":running"] = new AttributeValue { S = Running },
            },
        };
        await IgnoreLostConditionAsync("release job lease", () => client.DeleteItemAsync(request, cancellationToken), cancellationToken);
    }

    // Runs an owner-conditional write; false when the condition failed (the item is someone else's now).
    private async Task<bool> IgnoreLostConditionAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync(operation, call, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public Task MarkThreadActiveAsync(string threadKey, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(threadKey);
        var request = new PutItemRequest
        {
            TableName = TableName,
            Item = NewItem("thread#" + threadKey, "active", timeProvider.GetUtcNow() + ttl),
        };
        return CallAsync("mark thread active", () => client.PutItemAsync(request, cancellationToken), cancellationToken);
    }

    public async Task<bool> IsThreadActiveAsync(string threadKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(threadKey);
        return await GetLiveItemAsync("thread#" + threadKey, "active", "read thread marker", cancellationToken) is not null;
    }

    public async Task<ThreadContext?> GetThreadAsync(string threadKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(threadKey);
        var item = await GetLiveItemAsync("thread#" + threadKey, "context", "read thread", cancellationToken);
        try
        {
            return item is null ? null : ThreadItemCodec.Read(threadKey, item);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            // A damaged context must not block answering: the thread continues without its memory.
            Log.ThreadUnreadable(_logger, TableName, ex);
            return null;
        }
    }

    public async Task<IReadOnlyDictionary<int, string>> GetPostedSegmentsAsync(string jobKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobKey);
        var item = await GetLiveItemAsync("job#" + jobKey, "segments", "read posted segments", cancellationToken);
        var posted = new Dictionary<int, string>();
        foreach (var (name, value) in item ?? [])
        {
            if (name.StartsWith(SegmentPrefix, StringComparison.Ordinal) && value.S is { } messageRef
                && int.TryParse(name.AsSpan(SegmentPrefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
            {
                posted[index] = messageRef;
            }
        }

        return posted;
    }

    public async Task RecordPostedSegmentAsync(string jobKey, int index, string messageRef, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobKey);
        ArgumentNullException.ThrowIfNull(messageRef);
        var now = timeProvider.GetUtcNow();
        var name = SegmentPrefix + index.ToString(CultureInfo.InvariantCulture);
        // One attribute per segment, so concurrent records never overwrite each other; a record whose TTL passed
        // but that is still in the table (TTL deletion is lazy) is replaced, not extended.
        var update = new UpdateItemRequest
        {
            TableName = TableName,
            Key = Key("job#" + jobKey, "segments"),
            UpdateExpression = "SET #seg = :ref, expiresAt = :exp",
            ConditionExpression = "attribute_not_exists(pk) OR expiresAt >= :now",
            ExpressionAttributeNames = new() { ["#seg"] = name },
            ExpressionAttributeValues = new()
            {
                [":ref"] = new AttributeValue { S = messageRef },
                [":exp"] = Number(CeilingSeconds(now + ttl)),
                [":now"] = Number(FloorSeconds(now)),
            },
        };
        try
        {
            await CallAsync("record posted segment", () => client.UpdateItemAsync(update, cancellationToken), cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            var item = NewItem("job#" + jobKey, "segments", now + ttl);
            item[name] = new AttributeValue { S = messageRef };
            var put = new PutItemRequest { TableName = TableName, Item = item };
            await CallAsync("record posted segment", () => client.PutItemAsync(put, cancellationToken), cancellationToken);
        }
    }

    public async Task<int> CountInWindowAsync(string windowKey, string member, int cap, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(windowKey);
        ArgumentException.ThrowIfNullOrEmpty(member);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        // A set, so a retried job adds nothing; the size condition keeps a flood from growing the item.
        var update = new UpdateItemRequest
        {
            TableName = TableName,
            Key = Key("window#" + windowKey, "members"),
            UpdateExpression = "ADD members :member SET expiresAt = if_not_exists(expiresAt, :exp)",
            ConditionExpression = "attribute_not_exists(members) OR size(members) < :cap OR contains(members, :id)",
            ExpressionAttributeValues = new()
            {
                [":member"] = new AttributeValue { SS = [member] },
                [":id"] = new AttributeValue { S = member },
                [":cap"] = Number(cap),
                [":exp"] = Number(CeilingSeconds(timeProvider.GetUtcNow() + ttl)),
            },
            ReturnValues = ReturnValue.UPDATED_NEW,
        };
        try
        {
            var response = await CallAsync("count in window", () => client.UpdateItemAsync(update, cancellationToken), cancellationToken);
            return response.Attributes.TryGetValue("members", out var members) && members.SS is { Count: > 0 } set ? set.Count : 1;
        }
        catch (ConditionalCheckFailedException)
        {
            return cap;
        }
    }

    public async Task<string?> RecordVoteAsync(AnswerVote vote, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentException.ThrowIfNullOrEmpty(vote.AnswerKey);
        ArgumentException.ThrowIfNullOrEmpty(vote.Voter);
        var now = timeProvider.GetUtcNow();
        // One item per voter under the answer's partition: a second click replaces the first, and the answer's votes
        // can be read with one Query.
        var item = NewItem("feedback#" + vote.AnswerKey, "voter#" + vote.Voter, now + ttl);
        item["vote"] = new AttributeValue { S = vote.Vote };
        item["route"] = new AttributeValue { S = vote.Route };
        item["model"] = new AttributeValue { S = vote.Model };
        item["classifier"] = new AttributeValue { S = vote.Classifier };
        item["latencyMs"] = Number(vote.LatencyMs);
        item["at"] = new AttributeValue { S = vote.At.ToString("O", CultureInfo.InvariantCulture) };
        var request = new PutItemRequest { TableName = TableName, Item = item, ReturnValues = ReturnValue.ALL_OLD };
        var response = await CallAsync("record vote", () => client.PutItemAsync(request, cancellationToken), cancellationToken);
        return response.Attributes is { } old && old.TryGetValue("vote", out var previous)
            && old.TryGetValue(ExpiresAt, out var expires) && long.TryParse(expires.N, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= FloorSeconds(now)
                ? previous.S
                : null;
    }

    private async Task<Dictionary<string, AttributeValue>?> GetLiveItemAsync(
        string pk, string sk, string operation, CancellationToken cancellationToken)
    {
        var request = new GetItemRequest { TableName = TableName, Key = Key(pk, sk), ConsistentRead = true };
        var response = await CallAsync(operation, () => client.GetItemAsync(request, cancellationToken), cancellationToken);
        if (response.Item is not { Count: > 0 } item)
        {
            return null;
        }

        // Expired but not yet deleted by TTL counts as absent.
        var expired = item.TryGetValue(ExpiresAt, out var expiresAt)
            && long.TryParse(expiresAt.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            && seconds < FloorSeconds(timeProvider.GetUtcNow());
        return expired ? null : item;
    }

    private async Task<T> CallAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not ConditionalCheckFailedException && DescribeFailure(ex, cancellationToken) is { } code)
        {
            Log.StateUnavailable(_logger, TableName, operation, code, ex);
            throw new StateUnavailableException(
                $"DynamoDB state table '{TableName}' is unavailable ({operation} failed: {code}); "
                + "check CHATOPS_STATE_TABLE, the region or endpoint override, credentials and network.", ex);
        }
    }

    // A short error code for the failure, or null when the caller cancelled (not a store failure).
    private static string? DescribeFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        AmazonServiceException { ErrorCode: { Length: > 0 } errorCode } => errorCode,
        AmazonServiceException service => $"HTTP {(int)service.StatusCode}",
        OperationCanceledException => "Timeout",
        HttpRequestException http => $"network error ({http.HttpRequestError})",
        AmazonClientException { InnerException: { } inner } => DescribeFailure(inner, cancellationToken),
        AmazonClientException client => client.GetType().Name,
        IOException or System.Net.Sockets.SocketException => $"network error ({ex.GetType().Name})",
        _ => ex.GetType().Name,
    };

    private static Dictionary<string, AttributeValue> NewItem(string pk, string sk, DateTimeOffset expiresAt)
    {
        var item = Key(pk, sk);
        item[ExpiresAt] = Number(CeilingSeconds(expiresAt));
        return item;
    }

    private static Dictionary<string, AttributeValue> Key(string pk, string sk) => new(StringComparer.Ordinal)
    {
        ["pk"] = new AttributeValue { S = pk },
        ["sk"] = new AttributeValue { S = sk },
    };

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static long FloorSeconds(DateTimeOffset time) => time.ToUnixTimeSeconds();

    private static long CeilingSeconds(DateTimeOffset time) =>
        time.ToUnixTimeSeconds() + (time.UtcTicks % TimeSpan.TicksPerSecond == 0 ? 0 : 1);
}
