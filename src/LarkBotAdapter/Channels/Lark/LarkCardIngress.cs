using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Feedback;
using ChatOps.LarkBotAdapter.Ingress;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

// POST /lark/cards: clicks on the bot's cards (card.action.trigger), verified exactly like events (token,
// signature, decryption, age). Lark wants an answer within 3 s, so a click does one short state write and answers
// with a toast. Today's buttons: 👍/👎 under finished answers.
public sealed class LarkCardIngress(LarkIngress ingress, FeedbackRecorder feedback, ILogger<LarkCardIngress> logger)
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

    private static JsonHttpResult<LarkCardCallbackReply> Reply(LarkToast? toast) =>
        TypedResults.Json(new LarkCardCallbackReply(toast), LarkCallbackJsonContext.Default.LarkCardCallbackReply);
}
