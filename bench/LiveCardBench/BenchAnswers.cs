using System.Text;
using ChatOps.TestKit.Bedrock;
using ChatOps.TestKit.QCli;

namespace ChatOps.Bench;

/// <summary>The scripted answers: a cited knowledge-base answer with a code block, and a Q CLI report, both streamed in
/// small frames a fixed time apart, as a model or the CLI writes them.</summary>
internal static class BenchAnswers
{
    public const string KnowledgeQuestion = "@_user_1 according to the runbook, how do I roll back checkout-api?";
    public const string OpsQuestion = "@_user_1 how many EC2 instances are running in prod right now?";

    /// <summary>The last words of each answer, to check that its card ends with the whole answer.</summary>
    public const string KnowledgeEnd = "That completes the rollback.";
    public const string OpsEnd = "That completes the check.";

    private const int FrameChars = 24;

    private const string Intro = "Roll back checkout-api to the previous release, then confirm the error rate is back to normal.\n\n";

    private const string Commands =
        "```bash\nkubectl argo rollouts undo checkout-api -n checkout\nkubectl argo rollouts status checkout-api -n checkout --timeout 10m\n```";

    private static readonly string[] Details =
    [
        "Watch the 5xx rate on the checkout dashboard while the rollback runs; it should fall within two minutes. ",
        "If it does not, page the payments on-call engineer, since a failing dependency looks the same from checkout. ",
        "Leave the rollout paused until the cause is understood, and note the release in the incident channel. ",
        "Once the error rate has been normal for fifteen minutes, close the incident and schedule the review. ",
    ];

    /// <summary>About <paramref name="frames"/> output frames of <see cref="FrameChars"/> characters; the code block is cited.</summary>
    public static FakeKnowledgeAnswer Knowledge(int frames, TimeSpan frameDelay)
    {
        var tail = new StringBuilder("\n\n");
        for (var i = 0; (Intro.Length + Commands.Length + tail.Length) / FrameChars < frames - 2; i++)
        {
            tail.Append(Details[i % Details.Length]);
        }
        tail.Append(KnowledgeEnd);
        return FakeKnowledgeAnswer.Of(
            FakeKnowledgeAnswer.Part(Intro, FakeSource.S3("s3://bench-runbooks/checkout/rollback.md")),
            FakeKnowledgeAnswer.Part(Commands, FakeSource.Confluence("https://wiki.example.test/display/OPS/Checkout+rollback", "Checkout rollback")),
            FakeKnowledgeAnswer.Part(tail.ToString())) with { ChunkSize = FrameChars, FrameDelay = frameDelay };
    }

    /// <summary>A CLI report of about <paramref name="frames"/> chunks, the first held until <paramref name="gate"/> opens.</summary>
    public static FakeQCliReply Ops(int frames, TimeSpan frameDelay, Task gate)
    {
        var reply = FakeQCliReply.Chunks().WaitFor(gate);
        reply.Chunk("Checking EC2 in profile prod…\n");
        for (var i = 1; i < frames - 1; i++)
        {
            reply.Pause(frameDelay).Chunk($"i-0{i:D4}abcd  running  m6i.large  ");
        }
        return reply.Pause(frameDelay).Chunk($"\n{frames - 2} instances running. {OpsEnd}\n").Done();
    }
}
