using ChatOps.LarkBotAdapter.Scrubbing;

namespace ChatOps.LarkBotAdapter.Tests.Scrubbing;

public sealed partial class SecretScrubberTests
{
    public static TheoryData<string, string, string> Labelled() => new()
    {
        { $"aws_secret_access_key = {FakeSecrets.SecretKey}", "aws_secret_access_key = ", "[redacted: aws secret key]" },
        { $"AWS_SECRET_ACCESS_KEY={FakeSecrets.SecretKey}", "AWS_SECRET_ACCESS_KEY=", "[redacted: aws secret key]" },
        { $"{{\"SecretAccessKey\": \"{FakeSecrets.SecretKey}\"}}", "\"SecretAccessKey\": \"", "[redacted: aws secret key]\"" },
        { $"|  SecretAccessKey |  {FakeSecrets.SecretKey}  |", "|  SecretAccessKey |  ", "[redacted: aws secret key]" },
        { $"aws configure set aws_secret_access_key {FakeSecrets.SecretKey}", "aws_secret_access_key ", "[redacted: aws secret key]" },
        { $"\"SessionToken\": \"{FakeSecrets.SessionToken}\",", "\"SessionToken\": \"", "[redacted: session token]\"," },
        { $"export AWS_SESSION_TOKEN='{FakeSecrets.SessionToken}'", "AWS_SESSION_TOKEN='", "[redacted: session token]'" },
        { $"|  SessionToken    |  {FakeSecrets.SessionToken} |", "SessionToken    |  ", "[redacted: session token]" },
        { $"password={FakeSecrets.Password}", "password=", "[redacted: password]" },
        { $"DB_PASSWORD: {FakeSecrets.Password}", "DB_PASSWORD: ", "[redacted: password]" },
        { $"Server=db;User Id=app;Password={FakeSecrets.Password};Encrypt=true", "Password=", "[redacted: password];Encrypt=true" },
        { $"{{\"client_secret\": \"{FakeSecrets.Password}\"}}", "\"client_secret\": \"", "[redacted: secret]\"" },
        { $"api_key: {FakeSecrets.Password}", "api_key: ", "[redacted: api key]" },
        { $"{{\"tenant_access_token\":\"{FakeSecrets.LarkTenantToken}\",\"expire\":7200}}", "\"tenant_access_token\":\"", "[redacted: lark token]\"" },
        { $"app_secret = {FakeSecrets.Password}", "app_secret = ", "[redacted: secret]" },
        { $"Authorization: Bearer {FakeSecrets.Jwt}", "Authorization: Bearer ", "[redacted: bearer token]" },
        { $"postgres://app:{FakeSecrets.Password}@db.internal:5432/orders", "postgres://app:", "[redacted: password]@db.internal" },
    };

    [Theory]
    [MemberData(nameof(Labelled))]
    public void LabelledSecretIsMaskedAndItsKeyNameKept(string input, string keptBefore, string maskAfter)
    {
        var scrubbed = SecretScrubber.Scrub(input);

        FakeSecrets.AssertNoneIn(scrubbed);
        Assert.Contains(keptBefore + maskAfter, scrubbed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FakeSecrets.AccessKeyId, "[redacted: aws access key id]")]
    [InlineData(FakeSecrets.TemporaryKeyId, "[redacted: aws access key id]")]
    [InlineData(FakeSecrets.SlackBotToken, "[redacted: slack token]")]
    [InlineData(FakeSecrets.SlackAppToken, "[redacted: slack token]")]
    public void UnlabelledTokenWithAKnownShapeIsMasked(string token, string mask)
    {
        var scrubbed = SecretScrubber.Scrub($"found {token} in the output");

        Assert.Equal($"found {mask} in the output", scrubbed);
    }

    [Fact]
    public void PrivateKeyBlockIsMaskedWhole()
    {
        var scrubbed = SecretScrubber.Scrub($"The key:\n{FakeSecrets.PrivateKey}\nDone.");

        Assert.Equal("The key:\n[redacted: private key]\nDone.", scrubbed);
    }

    [Fact]
    public void PrivateKeyBlockWithoutItsEndIsMaskedToTheEnd()
    {
        var cut = FakeSecrets.PrivateKey[..FakeSecrets.PrivateKey.IndexOf("-----END", StringComparison.Ordinal)];

        Assert.Equal("key: [redacted: private key]", SecretScrubber.Scrub("key: " + cut));
    }

    [Fact]
    public void CredentialsInCliTextOutputAreMaskedBesideTheirKeyId()
    {
        var line = $"CREDENTIALS\t{FakeSecrets.TemporaryKeyId}\t2025-01-01T00:00:00Z\t{FakeSecrets.SecretKey}\t{FakeSecrets.SessionToken}";

        var scrubbed = SecretScrubber.Scrub("$ aws sts assume-role --output text\n" + line + "\nnext line");

        FakeSecrets.AssertNoneIn(scrubbed);
        Assert.Equal(
            "$ aws sts assume-role --output text\nCREDENTIALS\t[redacted: aws access key id]\t2025-01-01T00:00:00Z\t[redacted: aws secret key]\t[redacted: session token]\nnext line",
            scrubbed);
    }

    [Theory]
    [InlineData("commit 3f9a1c2b7d4e5f60718293a4b5c6d7e8f9012345 fixed the retry")]
    [InlineData("request 123e4567-e89b-12d3-a456-426614174000 failed")]
    [InlineData("role arn:aws:iam::123456789012:role/checkout-api-prod assumed")]
    [InlineData("{\"SecretArn\": \"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf\"}")]
    [InlineData("instances i-0abc1234def567890 and i-0fedcba9876543210 are running")]
    [InlineData("payload aGVsbG8gd29ybGQgdGhpcyBpcyBqdXN0IGJhc2U2NCBvZiBub3RoaW5nIHNlY3JldA== decoded fine")]
    [InlineData("Use a Bearer token from Cognito; Basic auth is disabled.")]
    [InlineData("max_tokens=4096, token_count: 12, PasswordLastUsed: 2024-05-01")]
    [InlineData("The password is rotated every 90 days; see the runbook.")]
    [InlineData("| Secret | Where it is kept |\n|---|---|\n| DB password | Secrets Manager |")]
    [InlineData("\"password\": null, \"token\": \"$TOKEN\", \"secret\": \"********\"")]
    public void OrdinaryTextStaysIntact(string text)
    {
        Assert.Equal(text, SecretScrubber.Scrub(text));
    }

    [Fact]
    public void ScrubbingTwiceChangesNothingMore()
    {
        var once = SecretScrubber.Scrub(
            $"{{\"AccessKeyId\": \"{FakeSecrets.AccessKeyId}\", \"SecretAccessKey\": \"{FakeSecrets.SecretKey}\", \"password\": \"{FakeSecrets.Password}\"}}\n"
            + $"token={FakeSecrets.SlackBotToken}\nAuthorization: Bearer {FakeSecrets.Jwt}\n{FakeSecrets.PrivateKey}");

        Assert.Equal(once, SecretScrubber.Scrub(once));
        FakeSecrets.AssertNoneIn(once);
    }

    public static TheoryData<string> Pathological() => new()
    {
        new string('a', 100_000),
        string.Concat(Enumerable.Repeat("password=", 12_000)),
        string.Concat(Enumerable.Repeat("\"token\": \"", 10_000)),
        string.Concat(Enumerable.Repeat(FakeSecrets.PemLine("BEGIN"), 3_300)),
        "-----BEGIN " + new string('A', 100_000),
        string.Concat(Enumerable.Repeat("AKIA", 25_000)),
        "AKIAIOSFODNN7EXAMPLE " + new string('Q', 100_000),
        string.Concat(Enumerable.Repeat("Bearer ", 14_000)),
        string.Concat(Enumerable.Repeat("xoxb-", 20_000)),
        string.Concat(Enumerable.Repeat("://a:", 20_000)),
        string.Concat(Enumerable.Repeat("secret_access_key |", 5_000)),
    };

    // The patterns' repetition is bounded, so each of these is linear work; a backtracking blow-up would hang the run.
    [Theory]
    [MemberData(nameof(Pathological))]
    public void HundredKilobytesOfWorstCaseInputIsScrubbedInOnePass(string input)
    {
        var scrubbed = SecretScrubber.Scrub(input);

        Assert.NotNull(scrubbed);
        Assert.Equal(scrubbed, SecretScrubber.Scrub(scrubbed));
    }
}
