using System.Runtime.CompilerServices;
using ChatOps.IntentRecognition;

namespace ChatOps.LarkBotAdapter.Routing;

// A short, polite refusal in the language of the question.
public sealed class OffTopicResponder : IResponder
{
    public Intent Intent => Intent.OffTopic;

    public async IAsyncEnumerable<string> AnswerAsync(ResponderRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield return Language.LooksChinese(request.Turn.Text)
            ? "抱歉，这个问题超出了我的范围。我可以回答运维知识库里的问题（Runbook、SLA、值班与升级流程），也可以查询 AWS 账号和集群的实时状态。"
            : "Sorry, that's outside what I can help with. I answer questions from the ops knowledge base (runbooks, SLAs, " +
              "on-call and escalation procedures) and look up the live state of our AWS accounts and clusters.";
    }
}
