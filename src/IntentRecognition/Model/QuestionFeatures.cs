using System.Text.RegularExpressions;
using ChatOps.IntentRecognition.Local;

namespace ChatOps.IntentRecognition.Model;

/// <summary>What the model reads of a question: the <see cref="CueMatcher.Normalise"/>d text, with the identifiers of
/// live AWS resources (instance, volume, security-group… ids, ARNs, account ids, node host names) replaced by one marker
/// word per kind. An id is evidence of a question about a running resource whatever its digits, and digits the model never
/// saw would otherwise say nothing; a marker word the model has learned says it every time.</summary>
internal static partial class QuestionFeatures
{
    /// <summary>Marker for an id such as <c>i-0a1b2c3d</c>, <c>vol-…</c>, <c>sg-…</c>, <c>subnet-…</c>, <c>snap-…</c>.</summary>
    public const string ResourceId = " awsresourceid ";

    /// <summary>Marker for an ARN; its service (<c>iam</c>, <c>lambda</c>…) is kept as a word after it.</summary>
    public const string Arn = " awsarn ";

    /// <summary>Marker for a 12-digit AWS account id.</summary>
    public const string AccountId = " awsaccountid ";

    /// <summary>Marker for an EC2/EKS node host name such as <c>ip-10-0-7-91</c>.</summary>
    public const string NodeName = " awsnodename ";

    public static string Prepare(string text)
    {
        var normalised = CueMatcher.Normalise(text);
        if (!normalised.AsSpan().ContainsAny(Digits))
        {
            return normalised;
        }

        var marked = ArnPattern().Replace(normalised, m => Arn + m.Groups["service"].Value + " ");
        marked = ResourceIdPattern().Replace(marked, ResourceId);
        marked = NodeNamePattern().Replace(marked, NodeName);
        return AccountIdPattern().Replace(marked, AccountId);
    }

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    [GeneratedRegex(@"arn:aws[a-z\-]*:(?<service>[a-z0-9\-]+):[^\s,;""'()]*", RegexOptions.CultureInvariant)]
    private static partial Regex ArnPattern();

    // The prefixes of EC2/VPC/EBS ids; the hex part is 8 or 17 characters (older and newer ids).
    [GeneratedRegex(@"(?<![a-z0-9_\-])(?:i|vol|sg|subnet|vpc|eni|snap|ami|rtb|igw|nat|tgw|tgw-attach|eipalloc|lt|pcx|vpce|acl|dopt|fs|r)-[0-9a-f]{8,17}(?![a-z0-9_\-])", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceIdPattern();

    [GeneratedRegex(@"(?<![a-z0-9_\-])ip-\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex NodeNamePattern();

    [GeneratedRegex(@"(?<![0-9])\d{12}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex AccountIdPattern();
}
