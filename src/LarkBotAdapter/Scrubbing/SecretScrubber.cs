using System.Text.RegularExpressions;

namespace ChatOps.LarkBotAdapter.Scrubbing;

// Masks credentials in text the bot is about to post: AWS keys, session tokens, private key blocks (PEM, OpenSSH,
// PuTTY), bearer tokens and JWTs, Slack, Lark and GitHub tokens, Slack webhooks, labelled secrets (password=…,
// "token": "…", CLI tables), name/value pairs with a secret name and a secret key alone on its line. The value
// becomes [redacted: kind] and its key name stays, so the answer still reads. Scrubbing scrubbed text changes
// nothing. Every pattern has bounded repetition, so the work per character is bounded whatever the input.
public static partial class SecretScrubber
{
    private const string MaskPrefix = "[redacted: ";

    // The mask that replaces a value of kind.
    public static string Mask(string kind) => MaskPrefix + kind + "]";

    // text with every credential found masked.
    public static string Scrub(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }
        text = PrivateKeyBlock().Replace(text, Mask("private key"));
        text = PuttyKeyFile().Replace(text, Mask("private key"));
        text = ScrubNameValuePairs(text);
        text = LabelledValue().Replace(text, MaskLabelled);
        text = AwsKeyWithoutSeparator().Replace(text, static m => m.Groups["key"].Value + m.Groups["sep"].Value + Mask(KindOf(m.Groups["key"].Value)));
        text = AuthorizationScheme().Replace(text, static m => m.Groups["scheme"].Value + Mask(
            m.Groups["scheme"].Value.StartsWith("Basic", StringComparison.OrdinalIgnoreCase) ? "credentials" : "bearer token"));
        text = UrlPassword().Replace(text, static m => m.Groups["prefix"].Value + Mask("password"));
        text = SlackToken().Replace(text, Mask("slack token"));
        text = SlackWebhook().Replace(text, static m => m.Groups["prefix"].Value + Mask("slack webhook"));
        text = GitHubToken().Replace(text, Mask("github token"));
        text = Jwt().Replace(text, Mask("jwt"));
        text = LoneBase64Line().Replace(text, MaskLoneSecretLine);
        return MaskAccessKeyIds(text);
    }

    // Text output (aws sts … --output text) prints the secret and the session token unlabelled beside the key id: on
    // a line that holds an access key id, lone 40-character mixed-case base64 words and long base64 runs go too.
    private static string MaskAccessKeyIds(string text)
    {
        var first = AccessKeyId().Match(text);
        if (!first.Success)
        {
            return text;
        }
        var output = new System.Text.StringBuilder(text.Length);
        var done = 0;
        for (var m = first; m.Success; m = m.NextMatch())
        {
            if (m.Index < done)
            {
                continue;
            }
            var lineStart = text.LastIndexOf('\n', m.Index) + 1;
            var lineEnd = text.IndexOf('\n', m.Index) is var newline and >= 0 ? newline : text.Length;
            output.Append(text, done, lineStart - done);
            var line = UnlabelledCredential().Replace(text[lineStart..lineEnd], MaskUnlabelled);
            output.Append(AccessKeyId().Replace(line, Mask("aws access key id")));
            done = lineEnd;
        }
        output.Append(text, done, text.Length - done);
        return output.ToString();
    }

    private static string MaskUnlabelled(Match m)
    {
        var value = m.Value;
        if (value.Length >= 100)
        {
            return Mask("session token");
        }
        var mixed = value.AsSpan().ContainsAnyInRange('a', 'z') && value.AsSpan().ContainsAnyInRange('A', 'Z');
        return value.Length == 40 && mixed ? Mask("aws secret key") : value;
    }

    private static string MaskLabelled(Match m)
    {
        var value = m.Groups["value"].Value;
        // A name inside an ARN or a path (…:secret:prod/db, /token/…) is a resource, not a key.
        if (LooksHarmless(value) || m.Groups["pre"].Value is ":" or "/")
        {
            return m.Value;
        }
        var key = KeyNameEndingAt(m);
        var quote = m.Groups["quote"].Value;
        return m.Groups["key"].Value + m.Groups["sep"].Value + quote + Mask(KindOf(key)) + quote;
    }

    // Numbers, booleans, placeholders and ARNs are no secrets ("token_limit=4096", "SecretArn" is not a key we match).
    private static bool LooksHarmless(string value) =>
        value.AsSpan().TrimStart('-').IndexOfAnyExceptInRange('0', '9') < 0
        || value.StartsWith('$') || value.StartsWith('*') || value.StartsWith("arn:", StringComparison.Ordinal)
        || value.Equals("null", StringComparison.OrdinalIgnoreCase) || value.Equals("none", StringComparison.OrdinalIgnoreCase)
        || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase);

    // The pattern matches from the keyword on; the whole name it ends (AWS_SESSION_TOKEN, db_password) says what the value is.
    private static string KeyNameEndingAt(Match m) => m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["key"].Value;

    private static string KindOf(string key)
    {
        var name = key.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return name switch
        {
            _ when name.Contains("secretaccesskey", StringComparison.Ordinal) => "aws secret key",
            _ when name.Contains("sessiontoken", StringComparison.Ordinal) || name.Contains("securitytoken", StringComparison.Ordinal) => "session token",
            _ when name.EndsWith("tenantaccesstoken", StringComparison.Ordinal) || name.EndsWith("useraccesstoken", StringComparison.Ordinal)
                   || name.EndsWith("appaccesstoken", StringComparison.Ordinal) => "lark token",
            _ when name.Contains("pass", StringComparison.Ordinal) || name == "pwd" => "password",
            _ when name.Contains("privatekey", StringComparison.Ordinal) || name.EndsWith("clientkeydata", StringComparison.Ordinal) => "private key",
            _ when name.Contains("apikey", StringComparison.Ordinal) => "api key",
            _ when name.EndsWith("token", StringComparison.Ordinal) => "token",
            _ => "secret",
        };
    }
}
