using System.Text;
using ChatOps.TestKit.Bedrock;

namespace ChatOps.Bench;

/// <summary>The scripted knowledge-base answer: one output frame per part, the first long enough for a segment.</summary>
internal static class KnowledgeAnswers
{
    /// <summary>The last words of the first frame and the first of the second, to check where the first segment was cut.</summary>
    public const string FirstFrameEnd = "end-of-first-frame";
    public const string SecondFrameStart = "Second-frame";

    private static readonly string Sentence =
        "Drain the pod from the load balancer, wait for in-flight requests to finish, then restart it and watch the health check. ";

    /// <summary>Three paragraphs (&gt; 1,200 characters) ending in a paragraph break: a segment only once more text arrives,
    /// since the only paragraph end past 1,200 characters is the last one.</summary>
    public static string FirstFrame { get; } = Paragraphs(3, 4) + FirstFrameEnd + ".\n\n";

    public static FakeKnowledgeAnswer Answer { get; } = FakeKnowledgeAnswer.Of(
        FakeKnowledgeAnswer.Part(FirstFrame),
        FakeKnowledgeAnswer.Part(SecondFrameStart + " step: " + Paragraphs(1, 2), FakeSource.S3("s3://bench-runbooks/checkout/restart.md")),
        FakeKnowledgeAnswer.Part("Finally, confirm the error rate is back to normal on the dashboard.")) with { ChunkSize = 4096 };

    private static string Paragraphs(int paragraphs, int sentences)
    {
        var text = new StringBuilder();
        for (var p = 0; p < paragraphs; p++)
        {
            for (var s = 0; s < sentences; s++)
            {
                text.Append(Sentence);
            }
            text.Length--;
            text.Append(p < paragraphs - 1 ? "\n\n" : " ");
        }
        return text.ToString();
    }
}
