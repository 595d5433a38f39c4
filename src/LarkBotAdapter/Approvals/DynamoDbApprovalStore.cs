using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Approvals;

// Proposals and the audit trail in the state table. A proposal is approval#<id>/proposal with its state in its own
// attribute, so every move is a conditional put on that state; audit entries are audit#<UTC day>/<time>#<id>#<event>,
// one partition per day, so "since 7 days" is seven queries. Everything expires after 90 days (TTL expiresAt).
// Each proposal is also listed under its thread (DynamoDbApprovalStore.Threads.cs).
public sealed partial class DynamoDbApprovalStore(IAmazonDynamoDB client, string tableName, TimeProvider time) : IApprovalStore
{
    private const string Record = "record";
    private const string StateAttribute = "state";

    public async Task<bool> AddAsync(ApprovalRecord record, CancellationToken cancellationToken)
    {
        // The thread's entry first: an entry without its record is skipped, a record without its entry is never found.
        await AddToThreadAsync(record, cancellationToken);
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = Item(record),
            ConditionExpression = "attribute_not_exists(pk)",
        };
        try
        {
            await CallAsync("add proposal", () => client.PutItemAsync(request, cancellationToken));
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task<ApprovalRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var request = new GetItemRequest { TableName = tableName, Key = Key("approval#" + id, "proposal"), ConsistentRead = true };
        var response = await CallAsync("read proposal", () => client.GetItemAsync(request, cancellationToken));
        return response.Item is { Count: > 0 } item && item.TryGetValue(Record, out var json) && json.S is { } text
            ? JsonSerializer.Deserialize(text, ApprovalJsonContext.Default.ApprovalRecord)
            : null;
    }

    public async Task<bool> TryMoveAsync(ApprovalRecord updated, ApprovalState from, CancellationToken cancellationToken)
    {
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = Item(updated),
            ConditionExpression = "#state = :from",
            ExpressionAttributeNames = new() { ["#state"] = StateAttribute },
            ExpressionAttributeValues = new() { [":from"] = new AttributeValue { S = from.ToString() } },
        };
        try
        {
            await CallAsync("move proposal", () => client.PutItemAsync(request, cancellationToken));
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var item = Key(
            "audit#" + entry.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            $"{entry.At.UtcDateTime:O}#{entry.ProposalId}#{entry.Event}");
        item[Record] = new AttributeValue { S = JsonSerializer.Serialize(entry, ApprovalJsonContext.Default.AuditEntry) };
        item["expiresAt"] = Seconds(entry.At + ApprovalAudit.Retention);
        return CallAsync("append audit", () => client.PutItemAsync(new PutItemRequest { TableName = tableName, Item = item }, cancellationToken));
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        for (var day = since.UtcDateTime.Date; day <= time.GetUtcNow().UtcDateTime.Date; day = day.AddDays(1))
        {
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var query = new QueryRequest
                {
                    TableName = tableName,
                    KeyConditionExpression = "pk = :pk",
                    ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = "audit#" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } },
                    ExclusiveStartKey = start,
                };
                var page = await CallAsync("list audit", () => client.QueryAsync(query, cancellationToken));
                foreach (var item in page.Items)
                {
                    if (item.TryGetValue(Record, out var json) && json.S is { } text
                        && JsonSerializer.Deserialize(text, ApprovalJsonContext.Default.AuditEntry) is { } entry && entry.At >= since)
                    {
                        entries.Add(entry);
                    }
                }
                start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
            }
            while (start is not null);
        }
        return entries.OrderBy(e => e.At).ToArray();
    }

    private static Dictionary<string, AttributeValue> Item(ApprovalRecord record)
    {
        var item = Key("approval#" + record.Id, "proposal");
        item[Record] = new AttributeValue { S = JsonSerializer.Serialize(record, ApprovalJsonContext.Default.ApprovalRecord) };
        item[StateAttribute] = new AttributeValue { S = record.State.ToString() };
        item["expiresAt"] = Seconds(record.CreatedAt + ApprovalAudit.Retention);
        return item;
    }

    private static Dictionary<string, AttributeValue> Key(string pk, string sk) => new(StringComparer.Ordinal)
    {
        ["pk"] = new AttributeValue { S = pk },
        ["sk"] = new AttributeValue { S = sk },
    };

    private static AttributeValue Seconds(DateTimeOffset at) => new() { N = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };

    private async Task<T> CallAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AmazonDynamoDBException ex) when (ex is not ConditionalCheckFailedException)
        {
            throw new StateUnavailableException($"DynamoDB state table '{tableName}' is unavailable ({operation} failed: {ex.ErrorCode}).", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new StateUnavailableException($"DynamoDB state table '{tableName}' is unavailable ({operation} failed: network error).", ex);
        }
    }
}
