using ChatOps.LarkBotAdapter.Conversations.Approvals;

namespace ChatOps.LarkBotAdapter.Scrubbing;

// An approval card's values as every card shows them, whichever way the card leaves (posted, updated, returned to a
// click, or written as a plain message): title, arguments and result scrubbed, and a note when something was masked.
// What is executed is the record's own values, which the hash covers. Scrubbing a scrubbed card changes nothing (no
// second note).
public static class ApprovalCardScrubber
{
    public const string MaskedNote = "values that look like credentials are masked here; the proposal holds them";

    public static ApprovalCard Scrub(ApprovalCard card)
    {
        var fields = card.Fields.Select(f => f with { Value = SecretScrubber.Scrub(f.Value) }).ToArray();
        var masked = fields.Zip(card.Fields).Any(p => p.First.Value != p.Second.Value);
        return card with
        {
            Title = SecretScrubber.Scrub(card.Title),
            Fields = masked ? [.. fields, new ApprovalCardField("note", MaskedNote)] : fields,
            Result = card.Result is null ? null : SecretScrubber.Scrub(card.Result),
        };
    }
}
