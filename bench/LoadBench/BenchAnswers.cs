using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.QCli;

namespace ChatOps.Bench;

/// <summary>The scripted answers: a cited knowledge-base answer of about 1,600 characters in 200-character frames, and
/// an ops report of six NDJSON chunks, each with a pause between frames or lines as a model or CLI writing it.</summary>
internal static class BenchAnswers
{
    private const string Rollback =
        "Roll back checkout-api by redeploying the previous task definition revision: find it in the deployment history, " +
        "update the service to that revision and wait until the new tasks pass their health checks. ";

    private const string Verify =
        "Then watch the 5xx rate and p99 latency on the service dashboard for fifteen minutes; if either stays above its " +
        "alarm threshold, page the payments on-call engineer and open an incident channel. ";

    public static FakeKnowledgeAnswer Knowledge(TimeSpan frameDelay) => FakeKnowledgeAnswer.Of(
        FakeKnowledgeAnswer.Part(Repeat(Rollback, 3) + "\n\n", FakeSource.S3("s3://bench-runbooks/checkout/deploy.md")),
        FakeKnowledgeAnswer.Part(Repeat(Verify, 3) + "\n\n", FakeSource.Confluence("https://wiki.example.test/display/OPS/Checkout", "Checkout on-call")),
        FakeKnowledgeAnswer.Part("Record the rollback in the change log.", FakeSource.S3(MessageMix.KnowledgeEnding)))
        with { ChunkSize = 200, FrameDelay = frameDelay };

    public static FakeQCliReply Ops(string reference, TimeSpan pause)
    {
        string[] lines =
        [
            "Checking CloudWatch metrics for checkout-api in the prod account (us-east-1)...\n\n",
            "**5xx rate**, last 15 minutes: 0.02 % of 1.2 M requests, below the 1 % alarm threshold.\n\n",
            "**p99 latency**: 184 ms (target 300 ms). No target group has unhealthy hosts.\n\n",
            "**Alarms**: none in ALARM state; `checkout-api-5xx` last changed state 3 days ago.\n\n",
            "**Recent deploys**: task definition revision 412 rolled out 2 hours ago, all tasks healthy.\n\n",
            MessageMix.OpsEnding(reference) + "\n",
        ];
        var reply = FakeQCliReply.Chunks();
        foreach (var line in lines)
        {
            reply.Pause(pause).Chunk(line);
        }
        return reply.Done();
    }

    private static string Repeat(string sentence, int times) => string.Concat(Enumerable.Repeat(sentence, times)).TrimEnd();
}
