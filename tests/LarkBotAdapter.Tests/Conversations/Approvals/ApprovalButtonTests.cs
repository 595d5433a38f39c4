using ChatOps.LarkBotAdapter.Conversations.Approvals;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Tests.Conversations.Approvals;

/// <summary>The one approval-button codec both platforms use: what a card's buttons carry comes back as written, and
/// anything else — a missing or malformed hash, an id that is not a proposal's — is not read at all.</summary>
public sealed class ApprovalButtonTests
{
    private static readonly string Hash = new string('a', 32) + new string('0', 32);

    private static ApprovalCard Card(string id = "P-7Q2K9", string? hash = null) => new(
        id, hash ?? Hash, "Open a case", ApprovalCardState.Pending, [new("subject", "EC2 down")], "ou_asker", "prod", ["ou_boss"],
        SelfApproval: false, Result: null, DeciderId: null, DecidedAt: null, DateTimeOffset.UnixEpoch, TurnLanguage.English);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LarkFieldsComeBackAsWritten(bool approve)
    {
        Assert.Equal(new ApprovalClick("P-7Q2K9", Hash, approve), ApprovalButton.Read(ApprovalButton.Fields(Card(), approve)));
    }

    [Fact]
    public void SlackJsonComesBackAsWritten()
    {
        Assert.Equal("{\"proposal\":\"P-7Q2K9\",\"hash\":\"" + Hash + "\"}", ApprovalButton.Json(Card()));
        Assert.Equal(new ApprovalClick("P-7Q2K9", Hash, false), ApprovalButton.ReadJson(ApprovalButton.Json(Card()), approve: false));
    }

    [Theory]
    [InlineData("no hash")]
    [InlineData("empty hash")]
    [InlineData("hash in capitals")]
    [InlineData("hash one short")]
    [InlineData("hash not hex")]
    [InlineData("id without P-")]
    [InlineData("id with a space")]
    [InlineData("no decision")]
    [InlineData("another decision")]
    public void LarkFieldsThatAreNotExactlyOursAreNotRead(string how)
    {
        var fields = new Dictionary<string, string>(ApprovalButton.Fields(Card(), approve: true), StringComparer.Ordinal);
        switch (how)
        {
            case "no hash": fields.Remove("hash"); break;
            case "empty hash": fields["hash"] = ""; break;
            case "hash in capitals": fields["hash"] = Hash.ToUpperInvariant(); break;
            case "hash one short": fields["hash"] = Hash[1..]; break;
            case "hash not hex": fields["hash"] = "g" + Hash[1..]; break;
            case "id without P-": fields["proposal"] = "7Q2K9"; break;
            case "id with a space": fields["proposal"] = "P-7Q2 K9"; break;
            case "no decision": fields.Remove("decision"); break;
            default: fields["decision"] = "maybe"; break;
        }

        Assert.True(ApprovalButton.IsApproval(fields));
        Assert.Null(ApprovalButton.Read(fields));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"proposal\":\"P-7Q2K9\"}")]
    [InlineData("{\"proposal\":\"P-7Q2K9\",\"hash\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA00000000000000000000000000000000\"}")]
    [InlineData("{\"proposal\":7,\"hash\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa00000000000000000000000000000000\"}")]
    public void SlackValuesThatAreNotExactlyOursAreNotRead(string? value) => Assert.Null(ApprovalButton.ReadJson(value, approve: true));
}
