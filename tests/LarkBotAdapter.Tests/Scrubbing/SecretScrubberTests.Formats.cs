using ChatOps.LarkBotAdapter.Scrubbing;

namespace ChatOps.LarkBotAdapter.Tests.Scrubbing;

// The formats that secret-revealing AWS reads and other CLIs print (issue 20, item 3).
public sealed partial class SecretScrubberTests
{
    private const string Pw = FakeSecrets.Password;

    public static TheoryData<string, string> CliFormats() => new()
    {
        // aws configure get aws_secret_access_key: the key alone on its line, no label
        { $"$ aws configure get aws_secret_access_key\n{FakeSecrets.SecretKey}\n$ done", "$ aws configure get aws_secret_access_key\n[redacted: secret key]\n$ done" },
        { $"```\r\n{FakeSecrets.SecretKey}\r\n```", "```\r\n[redacted: secret key]\r\n```" },
        // ECS task definition / Batch environment, compact and pretty JSON, and YAML output
        { $"{{\"name\":\"DB_PASSWORD\",\"value\":\"{Pw}\"}}", "{\"name\":\"DB_PASSWORD\",\"value\":\"[redacted: password]\"}" },
        { $"{{\n    \"Name\": \"GITHUB_TOKEN\",\n    \"Value\": \"{Pw}\"\n}}", "{\n    \"Name\": \"GITHUB_TOKEN\",\n    \"Value\": \"[redacted: token]\"\n}" },
        { $"environment:\n- name: DB_PASSWORD\n  value: {Pw}\n- name: LOG_LEVEL", "environment:\n- name: DB_PASSWORD\n  value: [redacted: password]\n- name: LOG_LEVEL" },
        // CloudFormation parameters, an SSM parameter with a field between name and value, env files
        { $"{{\"ParameterKey\": \"DbPassword\", \"ParameterValue\": \"{Pw}\"}}", "{\"ParameterKey\": \"DbPassword\", \"ParameterValue\": \"[redacted: password]\"}" },
        { $"{{\"Name\": \"/prod/db/password\", \"Type\": \"SecureString\", \"Value\": \"{Pw}\"}}", "{\"Name\": \"/prod/db/password\", \"Type\": \"SecureString\", \"Value\": \"[redacted: password]\"}" },
        { $"DB_PASS={Pw}\nDbPass: {Pw}", "DB_PASS=[redacted: password]\nDbPass: [redacted: password]" },
        // tokens with a known shape, unlabelled
        { $"cloned with {FakeSecrets.GitHubToken} ok", "cloned with [redacted: github token] ok" },
        { $"GH={FakeSecrets.GitHubFineGrainedToken}", "GH=[redacted: github token]" },
        { $"the service account presents {FakeSecrets.Jwt}.", "the service account presents [redacted: jwt]." },
        { $"posts to https://hooks.slack.com/services/{FakeSecrets.SlackWebhookPath} on failure", "posts to https://hooks.slack.com/services/[redacted: slack webhook] on failure" },
        { $"https://hooks.slack.com/triggers/{FakeSecrets.SlackWebhookPath}", "https://hooks.slack.com/triggers/[redacted: slack webhook]" },
        // kubeconfig: the client key goes, the certificate (public) stays
        { $"users:\n- name: admin\n  user:\n    client-certificate-data: LS0tCERT\n    client-key-data: {FakeSecrets.KubeClientKeyData}",
          "users:\n- name: admin\n  user:\n    client-certificate-data: LS0tCERT\n    client-key-data: [redacted: private key]" },
        // private key files
        { $"id.ppk:\n{FakeSecrets.PuttyKey}\nend", "id.ppk:\n[redacted: private key]\nend" },
        { $"id_ed25519:\n{FakeSecrets.OpenSshKey}\nend", "id_ed25519:\n[redacted: private key]\nend" },
    };

    [Theory]
    [MemberData(nameof(CliFormats))]
    public void SecretInACliOutputFormatIsMaskedAndItsNameKept(string input, string expected)
    {
        var scrubbed = SecretScrubber.Scrub(input);

        FakeSecrets.AssertNoneIn(scrubbed);
        Assert.Equal(expected, scrubbed);
        Assert.Equal(scrubbed, SecretScrubber.Scrub(scrubbed));
    }

    [Theory]
    [InlineData("$ git rev-parse HEAD\n3f9a1c2b7d4e5f60718293a4b5c6d7e8f9012345\n")]
    [InlineData("3F9A1C2B7D4E5F60718293A4B5C6D7E8F9012345")]
    [InlineData("abcdefghijABCDEFGHIJabcdefghijABCDEFGHIJ")]
    [InlineData("The deployment finished without errors.")]
    [InlineData("{\"name\":\"LOG_LEVEL\",\"value\":\"debug\"}")]
    [InlineData("{\"name\": \"SECRET_ARN\", \"value\": \"arn:aws:secretsmanager:us-east-1:123456789012:secret:db\"}")]
    [InlineData("{\"name\": \"DB_PASSWORD_FILE\", \"value\": \"/run/secrets/db\"}")]
    [InlineData("- name: TOKEN_TTL\n  value: 3600\n- name: API_TOKEN\n  value: null")]
    [InlineData("bypass: enabled; the tests pass: all green; compass=north")]
    [InlineData("client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t")]
    [InlineData("see https://hooks.slack.com/ for webhooks; ghp_short is no token; eyJhbGciOiJIUzI1NiJ9 alone is a header")]
    public void LookAlikeTextIsNotMasked(string text)
    {
        Assert.Equal(text, SecretScrubber.Scrub(text));
    }

    public static TheoryData<string> PathologicalFormats() => new()
    {
        string.Concat(Enumerable.Repeat("{\"name\":\"DB_PASSWORD\",", 5_000)),
        string.Concat(Enumerable.Repeat("- name: DB_PASSWORD\n  type: x\n", 4_000)),
        string.Concat(Enumerable.Repeat("PuTTY-User-Key-File-3: ", 4_000)),
        string.Concat(Enumerable.Repeat("eyJhbGciOi.", 10_000)),
        string.Concat(Enumerable.Repeat("hooks.slack.com/services/", 4_000)),
        string.Concat(Enumerable.Repeat(FakeSecrets.SecretKey + " ", 2_500)),
    };

    [Theory]
    [MemberData(nameof(PathologicalFormats))]
    public void HundredKilobytesOfWorstCaseInputForTheNewFormatsIsScrubbedInOnePass(string input)
    {
        var scrubbed = SecretScrubber.Scrub(input);

        Assert.Equal(scrubbed, SecretScrubber.Scrub(scrubbed));
    }
}
