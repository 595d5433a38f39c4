using System.Text.Json.Nodes;
using ChatOps.Contracts;
using ChatOps.QCliProxy.Proposals.Rules;

namespace ChatOps.QCliProxy.Tests.Proposals.Rules;

// A proposal is refused when it is made if an approval card would not show it whole and as written: text the
// scrubber masks, invisible or formatting characters, more than a card holds; runbook arguments never start with '-'.
public sealed class ProposalContentTests
{
    public static TheoryData<string, string> Refused => new()
    {
        { "AWS key AKIAIOSFODNN7EXAMPLE leaked", "an AWS access key id" },
        { "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY was in the log", "an unlabelled AWS secret key" },
        { "db_password=hunter2hunter2", "a password, secret or token assignment" },
        { "\"client_secret\": \"s3cr3t-v4lue\"", "a password, secret or token assignment" },
        { "API_TOKEN: abc", "a password, secret or token assignment" },
        { "-----BEGIN RSA PRIVATE KEY-----\nMIIE", "a private key" },
        { "-----BEGIN OPENSSH PRIVATE KEY-----", "a private key" },
        { "PuTTY-User-Key-File-3: ssh-ed25519", "a private key" },
        { "session eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "a JSON Web Token" },
        { "token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "a GitHub token" },
        { "github_pat_11ABCDEFG0123456789_abcdefghijklmnop", "a GitHub token" },
        { "bot xoxb-1234567890-abcdefghij", "a Slack token" },
        { "user xoxp-1234567890-abcdefghij", "a Slack token" },
        { "Authorization: Bearer abcdefghijklmnopqrstuvwx", "a bearer or basic credential" },
        { "postgres://app:pa55word@db.internal/app", "a password in a URL" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void TextTheScrubberWouldMaskIsRefused(string body, string kind)
    {
        var problem = ProposalContent.Problem([new("communication_body", body)]);

        Assert.Equal($"communication_body contains what looks like {kind}; an approval card would show it masked, so the approver could not see what runs. Leave secrets out of proposals", problem);
    }

    [Theory]
    [InlineData("\u202E", "202E")]
    [InlineData("\u202A", "202A")]
    [InlineData("\u2066", "2066")]
    [InlineData("\u2069", "2069")]
    [InlineData("\u200E", "200E")]
    [InlineData("\u200F", "200F")]
    [InlineData("\u200B", "200B")]
    [InlineData("\uFEFF", "FEFF")]
    [InlineData("\u00AD", "00AD")]
    [InlineData("\u2028", "2028")]
    [InlineData("\u2029", "2029")]
    [InlineData("\uE000", "E000")]
    public void InvisibleOrFormattingCharactersAreRefused(string character, string hex)
    {
        var problem = ProposalContent.Problem([new("subject", "restart " + character + "api")]);

        Assert.StartsWith($"subject contains the invisible or formatting character U+{hex}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnpairedSurrogateIsRefused() =>
        Assert.StartsWith("argument 1 contains an unpaired surrogate", ProposalContent.Problem([new("argument 1", "a\uD800b")]), StringComparison.Ordinal);

    [Theory]
    [InlineData(2_800, 0, null)]
    [InlineData(2_801, 0, "communication_body is longer than an approval card shows whole (at most 2,800 characters")]
    [InlineData(100, 700, "communication_body is longer than an approval card shows whole")]
    public void TextLongerThanACardShowsIsRefused(int letters, int angleBrackets, string? problem)
    {
        var body = new string('a', letters) + new string('<', angleBrackets);

        var found = ProposalContent.Problem([new("communication_body", body)]);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.StartsWith(problem, found, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Since 09:40 UTC three instances fail status checks.\nIds: i-0abc, i-0def.")]
    [InlineData("prod 环境的 checkout 报错 😀, commit 3f786850e387550fdab836ed7e6dc881de23001b")]
    [InlineData("the password policy was changed; tokens expire after 1 h")]
    public void OrdinaryTextIsAccepted(string body) => Assert.Null(ProposalContent.Problem([new("communication_body", body)]));

    [Theory]
    [InlineData("""{"subject":"x","service_code":"amazon-elastic-compute-cloud-linux","category_code":"instance-issue","severity_code":"low","communication_body":"key AKIAIOSFODNN7EXAMPLE"}""", "communication_body contains what looks like an AWS access key id")]
    [InlineData("""{"subject":"restart \u202Eipa","service_code":"amazon-elastic-compute-cloud-linux","category_code":"instance-issue","severity_code":"low","communication_body":"b"}""", "subject contains the invisible or formatting character U+202E")]
    [InlineData("""{"runbook":"restart-api","action":"restart","arguments":["--force"]}""", "argument 1 must not start with '-'")]
    [InlineData("""{"runbook":"restart-api","action":"restart","arguments":["api","-rf"]}""", "argument 2 must not start with '-'")]
    [InlineData("""{"runbook":"restart-api","action":"restart","arguments":["a\u200Bpi"]}""", "argument 1 contains the invisible or formatting character U+200B")]
    public async Task TheToolRefusesItAndTellsTheModelWhy(string arguments, string why)
    {
        var tool = arguments.Contains("runbook", StringComparison.Ordinal) ? "propose_runbook_action" : "propose_support_case";
        await using var proxy = await ProposalProxy.StartAsync();

        var reply = await proxy.ChatAsync($"@propose {tool} {arguments}");

        var result = JsonNode.Parse(reply.Seen("TOOL_RESULT")!)!["result"]!;
        Assert.True((bool?)result["isError"]);
        Assert.Contains(why, (string?)result["content"]![0]!["text"], StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Lines, l => l.Type == "proposal");
    }

    [Fact]
    public async Task ALongBodyIsRefusedByTheTool()
    {
        await using var proxy = await ProposalProxy.StartAsync();
        var support = new { subject = "x", service_code = "amazon-elastic-compute-cloud-linux", category_code = "instance-issue", severity_code = "low", communication_body = new string('b', 6_001) };

        var reply = await proxy.ChatAsync(ProposalProxy.Propose("propose_support_case", support));

        Assert.Contains("communication_body is required (at most 2800 characters)", reply.Seen("TOOL_RESULT"), StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Lines, l => l.Type == "proposal");
    }
}
