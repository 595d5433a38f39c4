using System.Net;
using ChatOps.LarkBotAdapter.Secrets;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.Secrets;

namespace ChatOps.LarkBotAdapter.Tests.Secrets;

/// <summary>Platform secrets read at run time from Secrets Manager (a loopback fake speaking GetSecretValue), never from
/// the function's environment: start-up, rotation, refresh limits, and no value ever printed.</summary>
public sealed class PlatformSecretsTests : IAsyncLifetime
{
    private const string SecretId = "chatops-test";

    private static readonly string[] LarkKeys = ["LARK_APP_SECRET", "LARK_ENCRYPT_KEY", "LARK_VERIFICATION_TOKEN"];

    private FakeSecretsManager _secretsManager = null!;

    public async Task InitializeAsync() => _secretsManager = await FakeSecretsManager.StartAsync();

    public async Task DisposeAsync() => await _secretsManager.DisposeAsync();

    private static Dictionary<string, string> LarkSecret(string appSecret = ChatOpsApp.AppSecret, string encryptKey = ChatOpsApp.EncryptKey) => new()
    {
        ["LARK_APP_SECRET"] = appSecret,
        ["LARK_ENCRYPT_KEY"] = encryptKey,
        ["LARK_VERIFICATION_TOKEN"] = LarkEvent.DefaultToken,
    };

    // The Lark secrets exist only in the fake secret: none is set as a variable.
    private Action<Dictionary<string, string?>> FromSecret(params (string Key, string Value)[] more) => s =>
    {
        foreach (var key in LarkKeys)
        {
            s.Remove(key);
        }
        s[PlatformSecrets.IdKey] = SecretId;
        s[PlatformSecrets.KeysKey] = string.Join(",", LarkKeys);
        s["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = _secretsManager.BaseAddress.ToString();
        foreach (var (key, value) in more)
        {
            s[key] = value;
        }
    };

    private static void AssertNoLeaks(ChatOpsApp app, params IReadOnlyDictionary<string, string>[] secrets)
    {
        var values = SecretLeaks.FromSettings(secrets.SelectMany(s => s).Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)));
        Assert.NotEmpty(values);
        Assert.Empty(SecretLeaks.Find(values, "the logs", app.Logs.Lines));
        Assert.Empty(SecretLeaks.Find(values, "a Lark reply", app.Lark.Replies.Select(r => r.Content)));
    }

    [Fact]
    public async Task SignedLarkEventIsAnsweredWithSecretsThatExistOnlyInSecretsManager()
    {
        var secret = LarkSecret();
        _secretsManager.Put(SecretId, secret);
        await using var app = await ChatOpsApp.StartAsync(FromSecret());

        using var response = await app.SendLarkAsync(LarkEvent.Text("@_user_1 what is the SLA of checkout-api?").MentioningBot().Build());
        await app.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(app.Lark.Replies); // the app secret from Secrets Manager got a tenant token
        Assert.Equal([SecretId], _secretsManager.RequestedIds); // read once, at start-up
        Assert.Empty(_secretsManager.Problems); // signed, JSON 1.1, the right target
        AssertNoLeaks(app, secret);
    }

    [Fact]
    public async Task VariableSetInTheEnvironmentWinsOverTheSecret()
    {
        _secretsManager.Put(SecretId, LarkSecret(encryptKey: "key-from-the-secret-only"));
        await using var app = await ChatOpsApp.StartAsync(FromSecret(("LARK_ENCRYPT_KEY", ChatOpsApp.EncryptKey)));

        using var response = await app.SendLarkAsync(LarkEvent.Text("@_user_1 hello").MentioningBot().Build());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // signed with the environment's key
    }

    [Fact]
    public async Task RotatedAppSecretIsPickedUpWhenLarkRefusesTheOldOne()
    {
        var old = LarkSecret(appSecret: "app-secret-before-rotation");
        _secretsManager.Put(SecretId, old);
        var lark = (await FakeLarkOpenApi.StartAsync()).WithApp(LarkEvent.DefaultAppId, "app-secret-before-rotation", LarkEvent.DefaultBotOpenId);
        await using var _ = lark;
        await using var app = await ChatOpsApp.StartAsync(FromSecret(), lark: lark);

        // Rotation: Lark knows only the new secret and drops the tokens issued for the old one; the secret holds the new one.
        var rotated = LarkSecret(appSecret: "app-secret-after-rotation");
        lark.WithApp(LarkEvent.DefaultAppId, "app-secret-after-rotation", LarkEvent.DefaultBotOpenId);
        lark.RevokeTokens();
        _secretsManager.Put(SecretId, rotated);
        using var response = await app.SendLarkAsync(LarkEvent.Text("@_user_1 who is on call?").MentioningBot().Build());
        await app.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(lark.Replies); // answered with the new app secret, without a restart
        Assert.Equal(2, _secretsManager.RequestedIds.Count); // start-up, then one re-read after Lark said "app secret invalid"
        AssertNoLeaks(app, old, rotated);
    }

    [Fact]
    public async Task RotatedEncryptKeyIsAcceptedOnTheFirstRequestSignedWithIt()
    {
        _secretsManager.Put(SecretId, LarkSecret());
        await using var app = await ChatOpsApp.StartAsync(FromSecret());

        var rotated = LarkSecret(encryptKey: "encrypt-key-after-rotation");
        _secretsManager.Put(SecretId, rotated);
        var mention = LarkEvent.Text("@_user_1 what is the escalation path?").MentioningBot().Build();
        using var response = await app.SendAsync(LarkRequest.Encrypted(mention, "encrypt-key-after-rotation", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _secretsManager.RequestedIds.Count);
        AssertNoLeaks(app, rotated);
    }

    [Fact]
    public async Task BadSignatureStormReadsTheSecretAtMostOncePerInterval()
    {
        var secret = LarkSecret();
        _secretsManager.Put(SecretId, secret);
        await using var app = await ChatOpsApp.StartAsync(FromSecret((SecretRefresher.IntervalKey, "3600")));

        var mention = LarkEvent.Text("@_user_1 hi").MentioningBot().Build();
        var storm = Enumerable.Range(0, 40).Select(async _ =>
        {
            using var response = await app.SendAsync(LarkRequest.EncryptedWithBadSignature(mention, ChatOpsApp.EncryptKey, DateTimeOffset.UtcNow));
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(storm);
        using var bad = await app.SendAsync(LarkRequest.Plain(LarkEvent.Challenge("c", "wrong-token")));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(2, _secretsManager.RequestedIds.Count); // start-up, then a single re-read for 41 refused requests
        using var good = await app.SendLarkAsync(LarkEvent.Text("@_user_1 still there?").MentioningBot().Build());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        AssertNoLeaks(app, secret);
    }

    [Fact]
    public async Task MissingKeyFailsStartUpNamingTheKeyButNoValue()
    {
        var incomplete = LarkSecret();
        incomplete.Remove("LARK_VERIFICATION_TOKEN");
        _secretsManager.Put(SecretId, incomplete);

        var error = await StartFailureAsync(FromSecret());

        Assert.Contains($"The secret '{SecretId}' (CHATOPS_SECRET_ID) has no key LARK_VERIFICATION_TOKEN", error, StringComparison.Ordinal);
        Assert.DoesNotContain(ChatOpsApp.AppSecret, error, StringComparison.Ordinal);
        Assert.DoesNotContain(ChatOpsApp.EncryptKey, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreadableSecretFailsStartUpWithoutQuotingIt()
    {
        const string notJson = "LARK_APP_SECRET=plain-text-secret-value";
        _secretsManager.PutString(SecretId, notJson);

        var error = await StartFailureAsync(FromSecret());

        Assert.Contains("is not JSON", error, StringComparison.Ordinal);
        Assert.DoesNotContain("plain-text-secret-value", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSecretFailsStartUpWithSecretsManagersReason()
    {
        var error = await StartFailureAsync(FromSecret());

        Assert.Contains(SecretId, error, StringComparison.Ordinal);
        Assert.Contains("ResourceNotFoundException", error, StringComparison.Ordinal);
    }

    // The whole chain of messages, as an operator would read it in the start-up log.
    private static async Task<string> StartFailureAsync(Action<Dictionary<string, string?>> settings)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await ChatOpsApp.StartAsync(settings);
        });
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add($"{e.GetType().Name}: {e.Message}");
        }
        var text = string.Join("\n", messages);
        Assert.Contains(nameof(PlatformSecretsException), text, StringComparison.Ordinal);
        return text;
    }
}
