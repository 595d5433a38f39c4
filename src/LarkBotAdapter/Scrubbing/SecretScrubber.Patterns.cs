using System.Text.RegularExpressions;

namespace ChatOps.LarkBotAdapter.Scrubbing;

// Every repetition is bounded or runs over a class the next token cannot start, so no pattern backtracks more than a
// constant per character; the scrubber test feeds each one 100 KB of its worst input.
public static partial class SecretScrubber
{
    // Key words whose value is a secret, matched where a name ends (db_password, AWS_SESSION_TOKEN,
    // "SecretAccessKey", client_secret, tenant_access_token). Shared with StreamScrubber.
    internal const string SecretKeyWords =
        "password|passwd|pwd|passphrase|secret(?:_?access_?key|_?key|_?string)?|token|api_?key|private_?key|access_?key|encrypt_?key|signing_?key"
        // kubeconfig's base64 client key; PASS only closing a compound name (DB_PASS, DbPass), never "bypass" or prose.
        + @"|client-key-data|(?<=[_\-.])pass|(?-i:(?<=[a-z0-9])Pass)";

    // A PuTTY key file (PPK 2 or 3) through its Private-MAC line; an unterminated one is masked to the end of the text.
    [GeneratedRegex(@"PuTTY-User-Key-File-[0-9]{1,2}:(?:[\s\S]*?Private-MAC:[^\r\n]*|[\s\S]*)")]
    private static partial Regex PuttyKeyFile();

    // -----BEGIN … PRIVATE KEY----- through its END line; an unterminated block is masked to the end of the text.
    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]{1,20} ){0,4}PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END (?:[A-Z0-9]{1,20} ){0,4}PRIVATE KEY(?: BLOCK)?-----|[\s\S]*)")]
    private static partial Regex PrivateKeyBlock();

    // key=value, key: value, "key": "value", key = 'value' (env, INI, YAML, JSON, connection strings).
    [GeneratedRegex(
        @"(?<key>" + SecretKeyWords + @")(?<=(?<pre>[^A-Za-z0-9_.\-]|^)(?<name>[A-Za-z0-9_.\-]{1,64}))(?<sep>[""']?[ \t]{0,8}[:=][ \t]{0,8})"
        + @"(?:(?<quote>"")(?!\[redacted: )(?<value>(?:[^""\\\r\n]|\\.){1,2048})""|(?<quote>')(?!\[redacted: )(?<value>[^'\r\n]{1,2048})'"
        + @"|(?<value>[^\s""'`,;|<>\[\]{}()]{1,2048}))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledValue();

    // AWS CLI tables (| SecretAccessKey | wJal… |) and "aws configure set aws_secret_access_key wJal…".
    [GeneratedRegex(
        @"(?<key>secret_?access_?key|session_?token|security_?token)(?<sep>[ \t]{0,32}\|[ \t]{0,32}|[ \t]{1,32})(?<value>[A-Za-z0-9/+=]{16,4096})(?![A-Za-z0-9/+=])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AwsKeyWithoutSeparator();

    // Authorization: Bearer eyJ… / Basic dXNl…; short words after them ("Bearer token", "Basic auth") are prose.
    [GeneratedRegex(@"(?<scheme>\b(?:[Bb]earer|BEARER|[Bb]asic|BASIC)[ \t]{1,8})(?<value>[A-Za-z0-9\-._~+/]{16,4096}=*)")]
    private static partial Regex AuthorizationScheme();

    // scheme://user:password@host
    [GeneratedRegex(@"(?<prefix>://[^\s:/@\[\]]{1,128}:)(?<value>[^\s/@\[\]]{1,256})(?=@)")]
    private static partial Regex UrlPassword();

    // Slack bot, user, app-level, refresh and rotated tokens.
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:xox[abposre](?:\.xox[abp])?|xapp)-[A-Za-z0-9\-]{8,1024}")]
    private static partial Regex SlackToken();

    // GitHub personal, OAuth, user-to-server, server-to-server and refresh tokens, and fine-grained personal tokens.
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{30,251}|github_pat_[A-Za-z0-9_]{22,251})(?![A-Za-z0-9_])")]
    private static partial Regex GitHubToken();

    // A signed JWT (header.payload.signature, the header a base64url JSON object) with or without "Bearer" before it.
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])eyJ[A-Za-z0-9_\-]{8,4096}\.[A-Za-z0-9_\-]{2,16384}\.[A-Za-z0-9_\-]{8,4096}(?![A-Za-z0-9_\-])")]
    private static partial Regex Jwt();

    // Slack incoming webhooks and workflow triggers: the path is the credential, the host stays readable.
    [GeneratedRegex(@"(?<prefix>hooks\.slack\.com/(?:services|workflows|triggers)/)(?<value>[A-Za-z0-9_/\-]{8,512})")]
    private static partial Regex SlackWebhook();

    // Access key ids that are credentials: long-term (AKIA), temporary (ASIA), bearer (ABIA), context (ACCA).
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])")]
    private static partial Regex AccessKeyId();

    // A whole base64 word of 40 or more characters (checked further by MaskUnlabelled).
    [GeneratedRegex(@"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40,8192}={0,2}(?![A-Za-z0-9/+=])")]
    private static partial Regex UnlabelledCredential();
}
