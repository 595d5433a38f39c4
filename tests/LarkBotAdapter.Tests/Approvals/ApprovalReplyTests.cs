using ChatOps.Contracts;
using ChatOps.LarkBotAdapter.Approvals;
using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Tests.Approvals;

public sealed class ApprovalReplyTests
{
    [Theory]
    [InlineData("Approve", true, null)]
    [InlineData("approved!", true, null)]
    [InlineData("LGTM", true, null)]
    [InlineData("批准。", true, null)]
    [InlineData("approve P-7Q2K9ABCDEFG", true, "P-7Q2K9ABCDEFG")]
    [InlineData("  APPROVE    p-7q2k9abcdefg  ", true, "p-7q2k9abcdefg")]
    [InlineData("批准 P-7Q2K9ABCDEFG", true, "P-7Q2K9ABCDEFG")]
    [InlineData("批准P-7Q2K9ABCDEFG", true, "P-7Q2K9ABCDEFG")]
    [InlineData("同意：P-7Q2K9ABCDEFG", true, "P-7Q2K9ABCDEFG")]
    [InlineData("@_user_1 approve P-7Q2K9ABCDEFG.", true, "P-7Q2K9ABCDEFG")]
    [InlineData("reject P-7Q2K9ABCDEFG", false, "P-7Q2K9ABCDEFG")]
    [InlineData("拒绝 P-7Q2K9ABCDEFG", false, "P-7Q2K9ABCDEFG")]
    [InlineData("Reject", false, null)]
    public void DecisionsAreReadWithTheProposalTheyName(string text, bool approve, string? id) =>
        Assert.Equal(new ApprovalCommand(approve, id), ApprovalReply.TryParse(text));

    [Theory]
    [InlineData("approve it please")]
    [InlineData("approve P-7Q2K9 and P-8R3L0")]
    [InlineData("why did you approve P-7Q2K9?")]
    [InlineData("approve 7Q2K9")]
    [InlineData("")]
    public void AnythingElseIsAQuestion(string text) => Assert.Null(ApprovalReply.TryParse(text));

    [Fact]
    public void TheTextFallbackTellsApproversToNameTheProposal()
    {
        var turn = new ChatTurn("console", "local", "console", ChatTypes.Group, "m1", null, null, "asker", "text", "open a case", []);
        var fields = new[] { new ApprovalField("subject", "EC2 down") };
        var hash = QCliProposalHash.Compute("P-7Q2K9ABCDEFG", "support_case", "prod", [new QCliProposalField("subject", "EC2 down")]);
        var record = new ApprovalRecord("P-7Q2K9ABCDEFG", "support_case", "Open a case", fields, "prod", hash, turn, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1));

        var text = ApprovalText.Markdown(new ApprovalView(record, ["boss"], SelfApproval: false).Card);

        Assert.Contains("An approver replies **approve P-7Q2K9ABCDEFG** or **reject P-7Q2K9ABCDEFG** in this thread.", text, StringComparison.Ordinal);
    }
}
