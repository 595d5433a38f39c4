using System.Security.Cryptography;
using System.Text;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Replies;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

/// <summary>Lark as the worker sees it: thread replies as <c>post</c> messages with a stable uuid per segment.</summary>
public sealed class LarkChatChannel(IOptions<LarkOptions> options, LarkOpenApiClient client, LarkBotIdentity identity) : IChatChannel
{
    public string Platform => "lark";

    public async Task<bool> IsAddressedToBotAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.IsDirect)
        {
            return true;
        }
        var botId = await identity.GetAsync(App(turn), cancellationToken);
        return turn.MentionedIds.Contains(botId, StringComparer.Ordinal);
    }

    public async Task PostAsync(ChatTurn turn, Segment segment, CancellationToken cancellationToken)
    {
        try
        {
            await client.ReplyAsync(
                App(turn), turn.MessageId, "post", LarkPostRenderer.ToPostContent(segment), IdempotencyKey(turn.MessageId, segment.Index), cancellationToken);
        }
        catch (LarkApiException ex)
        {
            throw new ReplyFailedException(ex.Message, targetGone: ex.IsMessageRecalled, transient: ex.IsTransient, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ReplyFailedException($"Lark could not be reached: {ex.Message}", targetGone: false, transient: true, ex);
        }
    }

    /// <summary>Lark's reply <c>uuid</c> (≤ 50 chars): the same message and segment always give the same key.</summary>
    public static string IdempotencyKey(string messageId, int segmentIndex)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{messageId}#{segmentIndex}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private LarkApp App(ChatTurn turn) =>
        options.Value.Find(turn.AppId) ?? throw new ReplyFailedException($"Lark app {turn.AppId} is no longer configured.", targetGone: true, transient: false);
}
