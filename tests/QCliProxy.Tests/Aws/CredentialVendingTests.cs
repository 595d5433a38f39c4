using ChatOps.OpsAgent.Aws;
using ChatOps.QCliProxy.Aws;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Security;
using ChatOps.TestKit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.QCliProxy.Tests.Aws;

/// <summary>With QCLI_VEND_CREDENTIALS the proxy assumes an instance-sourced role itself (fake IMDSv2 and fake STS on
/// loopback) and a run's files hold only that role's temporary keys.</summary>
public sealed class CredentialVendingTests : IAsyncLifetime
{
    private const string UatRole = "arn:aws:iam::222222222222:role/ChatOpsReadOnly";
    private const string ChainedRole = "arn:aws:iam::333333333333:role/ChatOpsReadOnly";
    private const string Config = """
        [default]
        region = us-east-1
        credential_source = Ec2InstanceMetadata

        [profile uat]
        role_arn = arn:aws:iam::222222222222:role/ChatOpsReadOnly
        credential_source = Ec2InstanceMetadata
        region = eu-west-1
        external_id = ext-1234

        [profile chained]
        role_arn = arn:aws:iam::333333333333:role/ChatOpsReadOnly
        source_profile = uat
        duration_seconds = 1800

        [profile prod]
        role_arn = arn:aws:iam::111111111111:role/ChatOpsReadOnly
        source_profile = base

        [profile base]
        region = us-east-1
        """;

    private const string Credentials = """
        [base]
        aws_access_key_id = AKIAIOSFODNN7EXAMPLE
        aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "qcli-vending-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly LogCapture _logs = new();
    private FakeInstanceMetadata _imds = null!;
    private FakeSts _sts = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(Path.Combine(_root, "config"), Config);
        await File.WriteAllTextAsync(Path.Combine(_root, "credentials"), Credentials);
        _imds = await FakeInstanceMetadata.StartAsync();
        _sts = await FakeSts.StartAsync(_time.GetUtcNow);
    }

    public async Task DisposeAsync()
    {
        await _imds.DisposeAsync();
        await _sts.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private AwsProfileFiles Files(bool vend = true, Uri? metadata = null)
    {
        var options = new ProxyOptions
        {
            VendCredentials = vend,
            MetadataEndpoint = metadata ?? _imds.BaseAddress,
            StsEndpoint = _sts.BaseAddress,
            AwsConfigFile = Path.Combine(_root, "config"),
            AwsCredentialsFile = Path.Combine(_root, "credentials"),
            StateDirectory = Path.Combine(_root, "state"),
            Timeout = TimeSpan.FromSeconds(300),
        };
        var logger = LoggerFactory.Create(b => b.AddProvider(_logs)).CreateLogger<CredentialVendor>();
        var vendor = new CredentialVendor(new InstanceMetadataClient(new HttpClient(), options), new StsClient(new HttpClient(), options, _time), options, _time, logger);
        return new AwsProfileFiles(options, new CliUser(options), vendor);
    }

    private static async Task<(string Config, string Credentials)> ReadAsync(AwsRunFiles files) =>
        (await File.ReadAllTextAsync(files.ConfigFile), await File.ReadAllTextAsync(files.CredentialsFile));

    [Fact]
    public async Task RunCredentialsAreTheAssumedRolesTemporaryKeysAndTheConfigNamesNoSource()
    {
        using var files = await Files().WriteAsync("uat", "conv-1", CancellationToken.None);
        var (config, credentials) = await ReadAsync(files);

        Assert.Equal($"[uat]\naws_access_key_id = {FakeSts.AccessKeyIdOf(1)}\naws_secret_access_key = {FakeSts.SecretOf(1)}\naws_session_token = fake-sts-token-1\n\n", credentials);
        Assert.Equal("[profile uat]\nregion = eu-west-1\n\n", config);
        Assert.DoesNotContain("credential_source", config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StsSeesASigV4SignatureByTheInstanceKeysWithTheRoleAndDuration()
    {
        using var files = await Files().WriteAsync("uat", "conv-1", CancellationToken.None);

        var call = Assert.Single(_sts.Calls);
        Assert.Equal(("AssumeRole", UatRole, "900", "ext-1234"), (call.Action, call.RoleArn, call.DurationSeconds, call.ExternalId));
        Assert.Equal("qcli-proxy.conv-1", call.RoleSessionName);
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={FakeInstanceMetadata.AccessKeyId}/20261207/eu-west-1/sts/aws4_request", call.Authorization, StringComparison.Ordinal);
        Assert.Equal(FakeInstanceMetadata.SessionToken, call.SecurityToken);
        Assert.True(call.SignatureValid, "the signature does not verify with the instance role's secret key");
    }

    [Fact]
    public async Task InstanceKeysAreReadWithAnImdsV2Token()
    {
        using var files = await Files().WriteAsync("uat", "conv-1", CancellationToken.None);

        Assert.Equal(
            ["PUT /latest/api/token ttl=300", "GET /latest/meta-data/iam/security-credentials/ token-ok", $"GET /latest/meta-data/iam/security-credentials/{FakeInstanceMetadata.Role} token-ok"],
            _imds.Calls);
    }

    [Fact]
    public async Task ASecondRunWhileTheKeysAreValidDoesNotCallStsAgainAndExpiryRefreshesThem()
    {
        var aws = Files();
        using (await aws.WriteAsync("uat", "conv-1", CancellationToken.None))
        {
        }

        _time.Advance(TimeSpan.FromMinutes(9));
        using (var second = await aws.WriteAsync("uat", "conv-2", CancellationToken.None))
        {
            Assert.Single(_sts.Calls);
            Assert.Contains(FakeSts.AccessKeyIdOf(1), (await ReadAsync(second)).Credentials, StringComparison.Ordinal);
        }

        // 900 s keys with 4 minutes left: less than a run may take, so they are replaced.
        _time.Advance(TimeSpan.FromMinutes(2));
        using var third = await aws.WriteAsync("uat", "conv-3", CancellationToken.None);
        Assert.Equal(2, _sts.Calls.Count);
        Assert.Contains(FakeSts.AccessKeyIdOf(2), (await ReadAsync(third)).Credentials, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChainedProfileAssumesEachRoleInTurnWithItsOwnDuration()
    {
        using var files = await Files().WriteAsync("chained", "conv-1", CancellationToken.None);

        Assert.Equal([(UatRole, "900"), (ChainedRole, "1800")], _sts.Calls.Select(c => (c.RoleArn, c.DurationSeconds)));
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={FakeSts.AccessKeyIdOf(1)}/", _sts.Calls[1].Authorization, StringComparison.Ordinal);
        Assert.Equal(("[profile chained]\n\n", $"[chained]\naws_access_key_id = {FakeSts.AccessKeyIdOf(2)}\naws_secret_access_key = {FakeSts.SecretOf(2)}\naws_session_token = fake-sts-token-2\n\n"), await ReadAsync(files));
    }

    [Fact]
    public async Task ADeniedAssumeRoleIsAnExplicitErrorWithoutKeys()
    {
        _sts.Denied[UatRole] = true;

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Files().WriteAsync("uat", "conv-1", CancellationToken.None));

        Assert.Equal($"the proxy could not get credentials for AWS profile 'uat' (QCLI_VEND_CREDENTIALS=true): STS AssumeRole of {UatRole} failed: STS AssumeRole of {UatRole} answered 403 AccessDenied", error.Message);
        AssertNoKeysIn([error.ToString(), .. _logs.Lines]);
        Assert.Empty(Directory.Exists(Path.Combine(_root, "state", ".runs")) ? Directory.GetDirectories(Path.Combine(_root, "state", ".runs")) : []);
    }

    [Fact]
    public async Task AnUnreachableMetadataServiceIsAnExplicitError()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort()}/");

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Files(metadata: closed).WriteAsync("uat", "conv-1", CancellationToken.None));

        Assert.StartsWith($"the proxy could not get credentials for AWS profile 'uat' (QCLI_VEND_CREDENTIALS=true): the instance metadata service ({closed}) gave no instance role keys", error.Message, StringComparison.Ordinal);
        Assert.Empty(_sts.Calls);
    }

    [Fact]
    public async Task WithTheSettingOffTheRunFilesAreCutAsBefore()
    {
        using var files = await Files(vend: false).WriteAsync("uat", "conv-1", CancellationToken.None);

        Assert.Equal(("[profile uat]\nrole_arn = arn:aws:iam::222222222222:role/ChatOpsReadOnly\ncredential_source = Ec2InstanceMetadata\nregion = eu-west-1\nexternal_id = ext-1234\n\n", ""), await ReadAsync(files));
        Assert.Empty(_imds.Calls);
        Assert.Empty(_sts.Calls);
    }

    [Fact]
    public async Task ProfilesNotSourcedFromTheInstanceAreCutAsBeforeEvenWithTheSettingOn()
    {
        using var files = await Files().WriteAsync("prod", "conv-1", CancellationToken.None);

        Assert.Equal("[profile prod]\nrole_arn = arn:aws:iam::111111111111:role/ChatOpsReadOnly\nsource_profile = base\n\n[profile base]\nregion = us-east-1\n\n", (await ReadAsync(files)).Config);
        Assert.Empty(_sts.Calls);
    }

    private void AssertNoKeysIn(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            Assert.DoesNotContain(FakeInstanceMetadata.SecretAccessKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeInstanceMetadata.SessionToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain("fake-sts-secret", text, StringComparison.Ordinal);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
