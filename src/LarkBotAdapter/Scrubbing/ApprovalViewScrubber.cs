using ChatOps.LarkBotAdapter.Approvals;

namespace ChatOps.LarkBotAdapter.Scrubbing;

// An approval card's values as every card shows them, whichever way the card leaves (posted, updated, or returned to a
// click): title, arguments and result scrubbed, and a note when something was masked. What is executed is the record's
// own values, which the hash covers. Scrubbing a scrubbed view changes nothing (no second note).
public static class ApprovalViewScrubber
{
    public const string MaskedNote = "values that look like credentials are masked here; the proposal holds them";

    public static ApprovalView Scrub(ApprovalView view)
    {
        var record = view.Record;
        var fields = record.Fields.Select(f => f with { Value = SecretScrubber.Scrub(f.Value) }).ToArray();
        var masked = fields.Zip(record.Fields).Any(p => p.First.Value != p.Second.Value);
        return view with
        {
            Record = record with
            {
                Title = SecretScrubber.Scrub(record.Title),
                Fields = masked ? [.. fields, new ApprovalField("note", MaskedNote)] : fields,
                Result = record.Result is null ? null : SecretScrubber.Scrub(record.Result),
            },
        };
    }
}
