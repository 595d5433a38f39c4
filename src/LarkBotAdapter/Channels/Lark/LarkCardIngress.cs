using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Feedback;
using ChatOps.LarkBotAdapter.Ingress;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

// POST /lark/cards: clicks on the bot's cards (card.action.trigger), verified exactly like events (token,
// signature, decryption, age). Lark wants an answer within 3 s, so a click does one short state write and answers
// with a toast. Today's buttons: 👍/👎 under finished answers.
public sealed class LarkCardIngress(LarkIngress ingress, FeedbackRecorder feedback, ApprovalDesk approvals, ILogger<LarkCardIngress> logger)
{
    public async Task<Results<JsonHttpResult<LarkCardCallbackReply>, JsonHttpResult<ChallengeResponse>, JsonHttpResult<ErrorResponse>>> HandleAsync(
        byte[] body, IHeaderDictionary headers, CancellationToken cancellationToken)
    {
        var verified = await ingress.VerifyAsync(body, headers, cancellationToken);
        switch (verified.Reply?.Result)
        {
            case JsonHttpResult<ChallengeResponse> challenge:
                return challenge;
            case JsonHttpResult<ErrorResponse> error:
                return error;
        }
        if (verified.Inbound is not LarkInbound.CardAction click)
        {
            // Another event sent to the callback URL: taken and ignored, so Lark does not redeliver it for hours.
            Log.CardCallbackIgnored(logger, "not a card.action.trigger callback");
            return Reply(null);
        }
        if (click.Action.Value.TryGetValue("action", out var action) && action == ApprovalView.Action)
        {
            return await DecideAsync(click, verified.Inbound is LarkInbound.CardAction { Header.AppId: var appId } ? appId : "", cancellationToken);
        }
        if (AnswerFeedback.TryRead(click.Action.Value) is not { } vote)
        {
            Log.CardCallbackIgnored(logger, "a button this bot does not know");
            return Reply(LarkToast.Of("info", "This button is no longer active.", "这个按钮已失效。"));
        }
        var outcome = await feedback.RecordAsync(Platforms.Lark, click.Action.OperatorOpenId, vote.Answer, vote.Vote, cancellationToken);
        return Reply(outcome switch
        {
            FeedbackOutcome.Recorded => LarkToast.Of("success", "Thanks for the feedback!", "感谢反馈！"),
            FeedbackOutcome.Changed => LarkToast.Of("success", "Feedback updated.", "已更新你的反馈。"),
            FeedbackOutcome.Unchanged => LarkToast.Of("info", "Your feedback was already recorded.", "你的反馈已记录。"),
            _ => LarkToast.Of("error", "Feedback could not be saved right now. Please try again.", "暂时无法保存反馈，请稍后重试。"),
        });
    }

    // Approve / Reject on an approval card: the toast says what happened (or who may approve), and a card whose state
    // moved is replaced at once.
    private async Task<JsonHttpResult<LarkCardCallbackReply>> DecideAsync(LarkInbound.CardAction click, string appId, CancellationToken cancellationToken)
    {
        var value = click.Action.Value;
        if (!value.TryGetValue("proposal", out var id) || !value.TryGetValue("decision", out var decisionText) || decisionText is not ("approve" or "reject"))
        {
            Log.CardCallbackIgnored(logger, "an approval button without proposal or decision");
            return Reply(LarkToast.Of("info", "This button is no longer active.", "这个按钮已失效。"));
        }
        var decision = await approvals.DecideAsync(
            Platforms.Lark, appId, click.Action.OperatorOpenId, id, decisionText == "approve", value.GetValueOrDefault("hash") ?? "", cancellationToken);
        var type = decision.Outcome switch
        {
            DecisionOutcome.Approved or DecisionOutcome.Rejected => "success",
            DecisionOutcome.Unavailable => "error",
            _ => "warning",
        };
        var toast = LarkToast.Of(type, approvals.Describe(decision, chinese: false), approvals.Describe(decision, chinese: true));
        var card = decision.Record is { } record && decision.Outcome is not DecisionOutcome.NotAllowed
            ? LarkCardUpdate.Raw(Cards.LarkApprovalCard.Json(approvals.ViewOf(record)))
            : null;
        return TypedResults.Json(new LarkCardCallbackReply(toast, card), LarkCallbackJsonContext.Default.LarkCardCallbackReply);
    }

    private static JsonHttpResult<LarkCardCallbackReply> Reply(LarkToast? toast) =>
        TypedResults.Json(new LarkCardCallbackReply(toast), LarkCallbackJsonContext.Default.LarkCardCallbackReply);
}
