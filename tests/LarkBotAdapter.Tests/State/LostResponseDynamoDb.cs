using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace ChatOps.LarkBotAdapter.Tests.State;

/// <summary>A DynamoDB client whose claim puts behave like an SDK retry after a lost response: the put is applied,
/// then sent again, and the caller sees the second attempt's outcome.</summary>
public class LostResponseDynamoDb : DispatchProxy
{
    private IAmazonDynamoDB _inner = null!;

    public static IAmazonDynamoDB Wrap(IAmazonDynamoDB inner)
    {
        var proxy = Create<IAmazonDynamoDB, LostResponseDynamoDb>();
        ((LostResponseDynamoDb)(object)proxy)._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IAmazonDynamoDB.PutItemAsync) && args is [PutItemRequest { Item: var item } put, CancellationToken token]
            && item["pk"].S.StartsWith("claim#", StringComparison.Ordinal))
        {
            return PutTwiceAsync(put, token);
        }

        return targetMethod.Invoke(_inner, args);
    }

    private async Task<PutItemResponse> PutTwiceAsync(PutItemRequest put, CancellationToken token)
    {
        await _inner.PutItemAsync(put, token);
        return await _inner.PutItemAsync(put, token);
    }
}
