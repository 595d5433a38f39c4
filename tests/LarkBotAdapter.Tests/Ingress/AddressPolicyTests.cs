using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.LarkBotAdapter.Tests.Ingress;

// The one "is this message for the bot?" rule both platforms and the worker use, over a real (in-memory) store.
public sealed class AddressPolicyTests
{
    private const string Bot = "ou_bot";
    private const string Colleague = "ou_colleague";

    private static readonly ChatTurn Group = new("lark", "cli_1", "oc_1", ChatTypes.Group, "om_2", null, null, "ou_asker", "text", "and in uat?", []);
    private static readonly ChatTurn FollowUp = Group with { RootId = "om_1", ThreadId = "omt_1" };

    private readonly FlakyStateStore _state = new(new FakeTimeProvider());

    private AddressPolicy Policy() => new(new ThreadActivity(_state, NullLogger<ThreadActivity>.Instance));

    private Task<Addressing> DecideAsync(ChatTurn turn, AddressFacts facts) => Policy().DecideAsync(turn, facts, CancellationToken.None);

    private Task MarkBotThreadAsync() => _state.MarkThreadActiveAsync(FollowUp.ThreadKey, TimeSpan.FromDays(7), CancellationToken.None);

    [Fact]
    public async Task ADirectMessageIsForTheBotWhateverItMentions()
    {
        Assert.Equal(Addressing.ForBot, await DecideAsync(Group with { ChatType = ChatTypes.Direct, MentionedIds = [Colleague] }, new AddressFacts(null)));
    }

    [Fact]
    public async Task AGroupMessageIsForTheBotWhenItMentionsTheBotOrThePlatformSaysSo()
    {
        Assert.Equal(Addressing.ForBot, await DecideAsync(Group with { MentionedIds = [Colleague, Bot] }, new AddressFacts(Bot)));
        Assert.Equal(Addressing.ForBot, await DecideAsync(Group, new AddressFacts(null, ReportedAsMention: true)));
        Assert.Equal(Addressing.NotForBot, await DecideAsync(Group, new AddressFacts(Bot)));
        Assert.Equal(Addressing.NotForBot, await DecideAsync(Group with { MentionedIds = [Colleague] }, new AddressFacts(Bot)));
    }

    [Fact]
    public async Task AFollowUpInABotThreadIsForTheBotUnlessItMentionsOnlySomeoneElse()
    {
        Assert.Equal(Addressing.NotForBot, await DecideAsync(FollowUp, new AddressFacts(Bot)));
        await MarkBotThreadAsync();

        Assert.Equal(Addressing.ForBot, await DecideAsync(FollowUp, new AddressFacts(Bot)));
        Assert.Equal(Addressing.NotForBot, await DecideAsync(FollowUp with { MentionedIds = [Colleague] }, new AddressFacts(Bot)));
    }

    [Fact]
    public async Task WithoutTheBotsIdAMessageThatMentionsSomeoneIsLeftToTheWorkerOnEveryPlatform()
    {
        await MarkBotThreadAsync();
        var mentioning = FollowUp with { MentionedIds = [Colleague] };

        // The same answer whether the platform also announces mentions separately (Slack) or not (Lark).
        Assert.Equal(Addressing.AskWorker, await DecideAsync(mentioning, new AddressFacts(null)));
        Assert.Equal(Addressing.AskWorker, await DecideAsync(mentioning, new AddressFacts(null, MentionsArriveSeparately: true)));
        Assert.Equal(Addressing.ForBot, await DecideAsync(FollowUp, new AddressFacts(null)));
    }

    [Fact]
    public async Task OutsideABotThreadAnUnknownBotIdDefersOnlyWhereMentionsDoNotArriveSeparately()
    {
        var mentioning = Group with { MentionedIds = [Colleague] };

        Assert.Equal(Addressing.AskWorker, await DecideAsync(mentioning, new AddressFacts(null)));
        Assert.Equal(Addressing.NotForBot, await DecideAsync(mentioning, new AddressFacts(null, MentionsArriveSeparately: true)));
        Assert.Equal(Addressing.NotForBot, await DecideAsync(Group, new AddressFacts(null)));
    }

    [Fact]
    public async Task TheWorkersHalfAsksForTheBotsIdOnlyWhenTheMentionsNeedIt()
    {
        var asked = 0;
        Task<string> BotId()
        {
            asked++;
            return Task.FromResult(Bot);
        }

        Assert.True(await AddressPolicy.IsForBotAsync(Group with { ChatType = ChatTypes.Direct, MentionedIds = [Colleague] }, BotId));
        Assert.True(await AddressPolicy.IsForBotAsync(FollowUp, BotId));
        Assert.Equal(0, asked);
        Assert.True(await AddressPolicy.IsForBotAsync(Group with { MentionedIds = [Colleague, Bot] }, BotId));
        Assert.False(await AddressPolicy.IsForBotAsync(Group with { MentionedIds = [Colleague] }, BotId));
        Assert.Equal(2, asked);
    }
}
