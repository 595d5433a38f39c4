using System.Buffers;
using System.Globalization;
using System.Text;
using ChatOps.Contracts;

namespace ChatOps.QCliProxy.Proposals.Rules;

// What the approver sees must be exactly what runs, so a proposal is refused when it is made if a field would not be
// shown whole and as written on both cards: text the scrubber would mask, invisible or formatting characters (Unicode
// Cf, Zl, Zp, private use, bidi controls, unpaired surrogates), or more than MaxShownChars as a card shows it.
internal static class ProposalContent
{
    // One argument's section on a Slack card holds 3,000 characters including its name and code fence, after Slack's
    // escaping; a Lark card shows 6,000 per field. 2,800 fits both, counting & as 5 and < > as 4 (&amp; &lt; &gt;).
    public const int MaxShownChars = 2_800;

    // Why the draft cannot be shown as it is, or null.
    public static string? Problem(IReadOnlyList<QCliProposalField> fields)
    {
        foreach (var field in fields)
        {
            var problem = Invisible(field) ?? TooLong(field) ?? Secret(field);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    // Characters the cards would not show, or would show as something else.
    public static string? Invisible(QCliProposalField field)
    {
        var rest = field.Value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done)
            {
                return $"{field.Name} contains an unpaired surrogate; write it in plain text";
            }

            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse)
            {
                return $"{field.Name} contains the invisible or formatting character U+{rune.Value:X4}, which an approval card would not show; write it in plain text";
            }

            rest = rest[used..];
        }

        return null;
    }

    public static int ShownLength(string value) => value.Length + value.Sum(c => c switch { '&' => 4, '<' or '>' => 3, _ => 0 });

    private static string? TooLong(QCliProposalField field) =>
        ShownLength(field.Value) > MaxShownChars
            ? $"{field.Name} is longer than an approval card shows whole (at most {MaxShownChars:N0} characters, & counting 5 and < > 4); shorten it"
            : null;

    private static string? Secret(QCliProposalField field) =>
        SecretPatterns.Find(field.Value) is { } kind
            ? $"{field.Name} contains what looks like {kind}; an approval card would show it masked, so the approver could not see what runs. Leave secrets out of proposals"
            : null;
}
