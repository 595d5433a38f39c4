using ChatOps.LarkBotAdapter.State;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Feedback;

internal static class FeedbackTestingExtensions
{
    // The votes the app's in-memory state store keeps now.
    public static IReadOnlyList<AnswerVote> Votes(this IServiceProvider services) =>
        ((InMemoryStateStore)services.GetRequiredService<IStateStore>()).Votes(DateTimeOffset.UtcNow);
}
