using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Live;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

// Live answers on Slack: a streamed message per answer (SlackLiveStreams, SlackLiveReply), the assistant status while
// the answer is made, and reactions on the asker's message. A slash command answered through its response_url has no
// thread the bot can post in, so it keeps the segmented packs.
public sealed partial class SlackChatChannel : ILiveReplyChannel, IReactionChannel
{
    public ILiveReplyChannel? Live => this;

    public IReactionChannel? Reactions => this;

    // Slack emoji names of the bot's reactions.
    public const string WorkingEmoji = "eyes";
    public const string DoneEmoji = "white_check_mark";
    public const string FailedEmoji = "x";

    // A stream is addressed to the person who asked: an alarm's diagnosis (nobody asked) goes out as segments.
    public Task<ILiveReply?> StartAsync(ChatTurn turn, ILiveReplyLedger ledger, LiveFrame first, CancellationToken cancellationToken) =>
        _batches.ContainsKey(turn.ClaimKey) || turn.IsFromAlarm ? Task.FromResult<ILiveReply?>(null) : streams.StartAsync(turn, ledger, first, cancellationToken);

    public Task ShowStatusAsync(ChatTurn turn, string status, CancellationToken cancellationToken) =>
        _batches.ContainsKey(turn.ClaimKey) ? Task.CompletedTask : streams.ShowStatusAsync(turn, status, cancellationToken);

    // The reaction's emoji name is what removing it needs.
    public async Task<string> AddReactionAsync(ChatTurn turn, Reaction reaction, CancellationToken cancellationToken)
    {
        var name = reaction switch
        {
            Reaction.Working => WorkingEmoji,
            Reaction.Done => DoneEmoji,
            _ => FailedEmoji,
        };
        await client.AddReactionAsync(turn.ChatId, turn.MessageId, name, cancellationToken);
        return name;
    }

    public Task RemoveReactionAsync(ChatTurn turn, Reaction reaction, string reactionRef, CancellationToken cancellationToken) =>
        client.RemoveReactionAsync(turn.ChatId, turn.MessageId, reactionRef, cancellationToken);
}
