using System.Runtime.CompilerServices;
using ChatOps.IntentRecognition;

namespace ChatOps.LarkBotAdapter.Routing;

// Answers a route whose backend is not configured, saying exactly what to set.
public sealed class NotConfiguredResponder(Intent intent, string what, string whatChinese, string variables) : IResponder
{
    public Intent Intent => intent;

    public async IAsyncEnumerable<string> AnswerAsync(ResponderRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield return Language.LooksChinese(request.Turn.Text)
            ? $"这个问题需要{whatChinese}，但当前部署尚未配置。管理员可以设置 {variables} 来启用（见 README）。"
            : $"This looks like a question for {what}, but that is not configured in this deployment. " +
                     $"An administrator can enable it by setting {variables} (see the README).";
    }
}
