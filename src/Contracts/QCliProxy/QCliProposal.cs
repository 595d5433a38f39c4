namespace ChatOps.Contracts;

/// <summary>Something the ops agent proposes and a person must approve before the proxy does it (protocol 2): sent as
/// the line <c>{"type":"proposal","proposal":{…}}</c> while the answer streams, and executed only through
/// <c>POST /v1/proposals/{id}/execute</c> with the <see cref="ArgumentsHash"/> the approver saw.</summary>
/// <param name="Id">The proxy's id, <c>P-</c> followed by letters and digits.</param>
/// <param name="Kind">One of <see cref="QCliProposalKinds"/>.</param>
/// <param name="Title">One line saying what would be done, written by the proxy (never by the model alone).</param>
/// <param name="Fields">Every argument that will be used, in display order; exactly these are executed.</param>
/// <param name="Profile">The AWS profile it runs with (null: the proxy's default).</param>
/// <param name="ConversationId">The conversation (thread key) it was proposed in.</param>
/// <param name="CreatedAt">When the proxy recorded it (UTC).</param>
/// <param name="ArgumentsHash">Lowercase hex SHA-256 of <see cref="QCliProposalHash"/>'s canonical form.</param>
internal sealed record QCliProposal(
    string Id,
    string Kind,
    string Title,
    IReadOnlyList<QCliProposalField> Fields,
    string? Profile,
    string ConversationId,
    DateTimeOffset CreatedAt,
    string ArgumentsHash);

/// <summary>One named argument of a proposal (for a list argument, one field per item: <c>argument 1</c>, …).</summary>
internal sealed record QCliProposalField(string Name, string Value);

/// <summary>The kinds of proposal the proxy can execute.</summary>
internal static class QCliProposalKinds
{
    /// <summary>An AWS Support case: subject, service_code, category_code, severity_code, communication_body, cc_emails.</summary>
    public const string SupportCase = "support_case";

    /// <summary>A script from the proxy's allow-listed runbook folder, run as an argument list without a shell.</summary>
    public const string RunbookAction = "runbook_action";
}
