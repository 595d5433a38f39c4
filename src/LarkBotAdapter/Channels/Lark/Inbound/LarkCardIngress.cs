using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Channels.Lark.Rendering;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Approvals;
using ChatOps.LarkBotAdapter.Feedback;
using ChatOps.LarkBotAdapter.Texts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

// POST /lark/cards: clicks on the bot's cards (card.action.trigger), behind RequireLarkSignature like events (token,
// signature, decryption, age). Lark wants an answer within 3 s, so a click does one short state write and answers
// with a toast. Today's buttons: 👍/👎 under finished answers.
public sealed class LarkCardIngress(FeedbackRecorder feedback, ApprovalDesk approvals, ILogger<LarkCardIngress> logger)
{
    public async Task<JsonHttpResult<LarkCardCallbackReply>> HandleAsync(LarkVerified verified, CancellationToken cancellationToken)
    {
        if (verified.Inbound is not LarkInbound.CardAction click)
        {
            // Another event sent to the callback URL: taken and ignored, so Lark does not redeliver it for hours.
            Log.CardCallbackIgnored(logger, "not a card.action.trigger callback");
            return Reply(null);
        }
        if (ApprovalButton.IsApproval(click.Action.Value))
        {
            return await DecideAsync(click, verified.Inbound is LarkInbound.CardAction { Header.AppId: var appId } ? appId : "", cancellationToken);
        }
        if (AnswerFeedback.TryRead(click.Action.Value) is not { } vote)
        {
            Log.CardCallbackIgnored(logger, "a button this bot does not know");
            return Reply(LarkToast.Of("info", FeedbackTexts.ButtonInactive));
        }
        var outcome = await feedback.RecordAsync(Platforms.Lark, click.Action.OperatorOpenId, vote.Answer, vote.Vote, cancellationToken);
        return Reply(outcome switch
        {
            FeedbackOutcome.Recorded => LarkToast.Of("success", FeedbackTexts.Recorded),
            FeedbackOutcome.Changed => LarkToast.Of("success", FeedbackTexts.Changed),
            FeedbackOutcome.Unchanged => LarkToast.Of("info", FeedbackTexts.Unchanged),
            _ => LarkToast.Of("error", FeedbackTexts.NotSaved),
        });
    }

    // Approve / Reject on an approval card: the toast says what happened (or who may approve), and a card whose state
    // moved is replaced at once.
    private async Task<JsonHttpResult<LarkCardCallbackReply>> DecideAsync(LarkInbound.CardAction click, string appId, CancellationToken cancellationToken)
    {
        // Read as strictly as on Slack: a decision, a P- id and 64 lowercase hex digits, or the button is refused.
        if (ApprovalButton.Read(click.Action.Value) is not { } button)
        {
            Log.CardCallbackIgnored(logger, "an approval button whose value is not a decision, proposal id and arguments hash");
            return Reply(LarkToast.Of("info", FeedbackTexts.ButtonInactive));
        }
        var decision = await approvals.DecideAsync(
            Platforms.Lark, appId, click.Action.OperatorOpenId, button.ProposalId, button.Approve, button.Hash, cancellationToken);
        var type = decision.Outcome switch
        {
            DecisionOutcome.Approved or DecisionOutcome.Rejected => "success",
            DecisionOutcome.Unavailable => "error",
            _ => "warning",
        };
        var toast = LarkToast.Of(type, language => approvals.Describe(decision, language));
        var card = decision.Record is { } record && decision.Outcome is not DecisionOutcome.NotAllowed
            ? LarkCardUpdate.Raw(LarkApprovalCard.Json(approvals.ViewOf(record).Card))
            : null;
        return TypedResults.Json(new LarkCardCallbackReply(toast, card), LarkCallbackJsonContext.Default.LarkCardCallbackReply);
    }

    private static JsonHttpResult<LarkCardCallbackReply> Reply(LarkToast? toast) =>
        TypedResults.Json(new LarkCardCallbackReply(toast), LarkCallbackJsonContext.Default.LarkCardCallbackReply);
}
