using System.Text.RegularExpressions;

namespace ChatOps.LarkBotAdapter.Scrubbing;

// Secrets whose label is not next to them: name/value pairs (ECS and Batch environments, CloudFormation parameters,
// Elastic Beanstalk options, SSM parameters) and a secret key printed alone on its line (aws configure get).
public static partial class SecretScrubber
{
    private const string Gap = @"[ \t\r\n]{0,64}";

    // A JSON pair's opening: "name": "DB_PASSWORD", up to three other fields, then "value": (keys in any case).
    internal const string JsonPairHead =
        @"""(?:name|key|parameterkey|optionname)""" + Gap + ":" + Gap + @"""(?<name>[A-Za-z0-9_./\-]{1,256})""" + Gap + "," + Gap
        + @"(?:""[A-Za-z]{1,32}""" + Gap + ":" + Gap + @"(?:""[^""\\\r\n]{0,256}""|[A-Za-z0-9.\-]{1,64})" + Gap + "," + Gap + "){0,3}"
        + @"""(?:value|parametervalue)""" + Gap + ":" + Gap;

    // The same in YAML (--output yaml): "- name: DB_PASSWORD" then, a few lines on at most, "value: …".
    internal const string YamlPairHead =
        @"\b(?:name|key|parameterkey|optionname):[ \t]{1,8}[""']?(?<name>[A-Za-z0-9_./\-]{1,256})[""']?[ \t]{0,8}\r?\n"
        + @"(?:[ \t]{0,32}[A-Za-z]{1,32}:[^\r\n]{0,256}\r?\n){0,3}[ \t]{0,32}(?:value|parametervalue):[ \t]{1,8}";

    [GeneratedRegex(
        "(?<head>" + JsonPairHead + @")(?:(?<quote>"")(?<value>(?:[^""\\\r\n]|\\.){1,2048})""|(?<value>[^\s""',}\]]{1,2048}))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonNameValuePair();

    [GeneratedRegex("(?<head>" + YamlPairHead + @")(?<value>[^\r\n]{1,2048})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YamlNameValuePair();

    // A name that ends in a secret key word (DB_PASSWORD, DbPassword, /prod/db/password, GITHUB_TOKEN, DB_PASS).
    [GeneratedRegex("(?:" + SecretKeyWords + @")\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    // 40 characters of base64 alone on a line, perhaps quoted (checked further by MaskLoneSecretLine).
    [GeneratedRegex(@"^(?<head>[ \t]{0,32}(?<q>[`""']?))(?<value>[A-Za-z0-9/+]{40})(?<tail>\k<q>[ \t]{0,32}\r?)$", RegexOptions.Multiline)]
    private static partial Regex LoneBase64Line();

    private static string ScrubNameValuePairs(string text)
    {
        text = JsonNameValuePair().Replace(text, MaskPairValue);
        return YamlNameValuePair().Replace(text, MaskPairValue);
    }

    private static string MaskPairValue(Match m)
    {
        var name = m.Groups["name"].Value;
        var value = m.Groups["value"].Value.Trim().Trim('"', '\'');
        if (!SecretName().IsMatch(name) || value.Length == 0 || value.StartsWith(MaskPrefix, StringComparison.Ordinal) || LooksHarmless(value))
        {
            return m.Value;
        }
        var quote = m.Groups["quote"].Value;
        return m.Groups["head"].Value + quote + Mask(KindOf(name)) + quote;
    }

    // A hex digest has no upper and lower case together; a secret access key has both, and a digit, '/' or '+'.
    private static string MaskLoneSecretLine(Match m)
    {
        var value = m.Groups["value"].Value.AsSpan();
        var secret = value.ContainsAnyInRange('a', 'z') && value.ContainsAnyInRange('A', 'Z')
                     && (value.ContainsAnyInRange('0', '9') || value.ContainsAny('/', '+'));
        return secret ? m.Groups["head"].Value + Mask("secret key") + m.Groups["tail"].Value : m.Value;
    }
}
