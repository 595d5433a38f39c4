using Amazon.DynamoDBv2.Model;

namespace ChatOps.LarkBotAdapter.Approvals;

// The proposals of a thread: one small item per proposal, approvals-thread#<thread key>/<proposal id>, expiring with
// its record (TTL expiresAt), so one consistent Query on the thread's partition finds every proposal made there.
public sealed partial class DynamoDbApprovalStore
{
    private const string ThreadPrefix = "approvals-thread#";

    public async Task<IReadOnlyList<ApprovalRecord>> ListInThreadAsync(string threadKey, CancellationToken cancellationToken)
    {
        var records = new List<ApprovalRecord>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var query = new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "pk = :pk",
                ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = ThreadPrefix + threadKey } },
                ConsistentRead = true,
                ExclusiveStartKey = start,
            };
            var page = await CallAsync("list thread proposals", () => client.QueryAsync(query, cancellationToken));
            foreach (var item in page.Items)
            {
                if (item.TryGetValue("sk", out var id) && id.S is { } proposalId
                    && await GetAsync(proposalId, cancellationToken) is { } record && record.Turn.ThreadKey == threadKey
                    && record.CreatedAt + ApprovalAudit.Retention > time.GetUtcNow())
                {
                    records.Add(record);
                }
            }
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
        return records.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray();
    }

    // Lists record under its thread (a retried add writes the same item again).
    private Task AddToThreadAsync(ApprovalRecord record, CancellationToken cancellationToken)
    {
        var item = Key(ThreadPrefix + record.Turn.ThreadKey, record.Id);
        item["expiresAt"] = Seconds(record.CreatedAt + ApprovalAudit.Retention);
        return CallAsync("list proposal in thread", () => client.PutItemAsync(new PutItemRequest { TableName = tableName, Item = item }, cancellationToken));
    }
}
