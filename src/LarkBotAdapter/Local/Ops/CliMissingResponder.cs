using System.Runtime.CompilerServices;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Routing;

namespace ChatOps.LarkBotAdapter.Local.Ops;

// ask's aws_ops route with neither a proxy nor a CLI: one message saying how to get either, and a non-zero exit code.
public sealed class CliMissingResponder(AskOutcome outcome) : IResponder
{
    public const string Message =
        "No route for AWS operations questions on this machine: neither kiro-cli nor q is on PATH, and no proxy is configured.\n"
        + "- Run the CLI here: install the Kiro CLI (kiro-cli) or the Amazon Q Developer CLI (q) as its documentation says, "
        + "log in once (kiro-cli login / q login), then ask again; --profile NAME picks the AWS profile from ~/.aws/config.\n"
        + "- Or connect a proxy: set QLI_SERVER_ADDRESS (the proxy's URL) and QCLI_PROXY_SECRET (its shared secret); see docs/SETUP.md.";

    public Intent Intent => Intent.AwsOps;

    public async IAsyncEnumerable<string> AnswerAsync(ResponderRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        outcome.Fail(AskOutcome.RouteUnavailable);
        yield return Message;
    }
}
