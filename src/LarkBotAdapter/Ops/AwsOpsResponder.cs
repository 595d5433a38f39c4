using System.Runtime.CompilerServices;
using ChatOps.Contracts;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.ProxyClient;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Ops;

// Answers aws_ops through the Q CLI proxy, streaming its chunks as they arrive. Only allowed chats and
// users reach the proxy; every failure becomes a ResponderException the user can act on.
internal sealed class AwsOpsResponder(QCliProxyClient client, QCliProxyOptions options, ApprovalDesk approvals, ILogger<AwsOpsResponder> logger) : IResponder
{
    // Thread attribute that remembers the last profile, so "why?" stays in the account "in prod" chose.
    public const string ProfileAttribute = ThreadAttributes.AwsProfile;

    public Intent Intent => Intent.AwsOps;

    public string Model => "q-cli";

    public async IAsyncEnumerable<string> AnswerAsync(ResponderRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var turn = request.Turn;
        var language = request.Language;
        if (!options.Allows(turn.ChatId, turn.SenderId))
        {
            Log.Restricted(logger, turn.ChatId, turn.SenderId);
            yield return OpsTexts.Restricted(language);
            yield break;
        }
        var profile = ChooseProfile(request);
        // The proxy protocol knows lark and slack; the embedded console speaks for Lark.
        var channel = turn.Platform == Platforms.Slack ? Platforms.Slack : Platforms.Lark;
        var chat = new QCliChatRequest(turn.ThreadKey, turn.Text, turn.SenderId, channel, profile);
        Log.Sending(logger, turn.ThreadKey, profile);
        var chunks = 0;
        await using var lines = client.ChatAsync(chat, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await NextAsync(lines, turn, chunks, language) is { } line)
        {
            switch (line.Type)
            {
                case QCliStreamLine.ChunkType when !string.IsNullOrEmpty(line.Text):
                    chunks++;
                    yield return line.Text;
                    break;
                case QCliStreamLine.ProposalType when line.Proposal is { } proposal:
                    // The agent proposes; a person decides on the card (or by a reply naming it, found by thread in the store).
                    yield return await approvals.ProposedAsync(turn, proposal, cancellationToken);
                    break;
                case QCliStreamLine.DoneType:
                    Log.Answered(logger, turn.ThreadKey, chunks, $"exit code {line.ExitCode}");
                    if (line.ExitCode != 0)
                    {
                        throw OpsMessages.ExitCode(line.ExitCode ?? -1, language);
                    }
                    yield break;
                case QCliStreamLine.ErrorType:
                    Log.Answered(logger, turn.ThreadKey, chunks, $"error {line.Code}");
                    Log.ProxyError(logger, turn.ThreadKey, line.Code ?? "(none)", OpsMessages.ForLog(line.Message));
                    throw OpsMessages.ForCode(line.Code, language);
            }
        }
        // The client ends every stream with a terminal line or an exception; this is only a guard.
        throw OpsMessages.For(new QCliProxyException(QCliFailure.CutOff, "The stream ended early."), language);
    }

    private async Task<QCliStreamLine?> NextAsync(IAsyncEnumerator<QCliStreamLine> lines, ChatTurn turn, int chunks, TurnLanguage language)
    {
        try
        {
            return await lines.MoveNextAsync() ? lines.Current : null;
        }
        catch (QCliProxyException ex)
        {
            Log.Failed(logger, turn.ThreadKey, chunks, ex.Failure.ToString(), ex);
            if (ex.ProxyCode is not null)
            {
                Log.ProxyError(logger, turn.ThreadKey, ex.ProxyCode, OpsMessages.ForLog(ex.ProxyMessage));
            }
            throw OpsMessages.For(ex, language);
        }
    }

    // The classifier's choice when it is a configured profile, else the thread's last one; remembered for follow-ups.
    private string? ChooseProfile(ResponderRequest request)
    {
        var chosen = Configured(request.Intent.AwsProfile)
                     ?? (request.Attributes.TryGetValue(ProfileAttribute, out var previous) ? Configured(previous) : null);
        if (chosen is not null)
        {
            request.Attributes[ProfileAttribute] = chosen;
        }
        return chosen;
    }

    private string? Configured(string? profile) =>
        profile is null ? null : options.AwsProfiles.FirstOrDefault(p => string.Equals(p, profile, StringComparison.OrdinalIgnoreCase));
}
