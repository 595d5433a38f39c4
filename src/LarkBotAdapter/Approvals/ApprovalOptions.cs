namespace ChatOps.LarkBotAdapter.Approvals;

// Who may approve what the ops agent proposes. OPS_APPROVER_IDS: user ids (Lark open_ids, Slack user ids), comma
// separated, each optionally prefixed with its platform (lark:ou_…, slack:U…); OPS_SELF_APPROVAL=true lets an approver
// approve their own question's proposal; OPS_APPROVAL_TTL_MINUTES (default 60) until a proposal expires.
public sealed class ApprovalOptions
{
    public IReadOnlyList<string> ApproverIds { get; set; } = [];

    public bool SelfApproval { get; set; }

    public TimeSpan Ttl { get; set; } = TimeSpan.FromHours(1);

    // Registered through AddOptions<ApprovalOptions>().Configure(o => o.Load(configuration)).
    public void Load(IConfiguration configuration)
    {
        var minutes = configuration.GetValue("OPS_APPROVAL_TTL_MINUTES", 60);
        ApproverIds = (configuration["OPS_APPROVER_IDS"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        SelfApproval = configuration.GetValue("OPS_SELF_APPROVAL", false);
        Ttl = TimeSpan.FromMinutes(Math.Clamp(minutes, 1, 7 * 24 * 60));
    }

    // Approver ids of one platform, without their prefix (for mentions on the card).
    public IReadOnlyList<string> ApproversOn(string platform) =>
        ApproverIds.Select(id => id.StartsWith(platform + ":", StringComparison.Ordinal) ? id[(platform.Length + 1)..] : id)
            .Where(id => !id.Contains(':', StringComparison.Ordinal))
            .ToArray();

    public bool IsApprover(string platform, string userId) =>
        ApproversOn(platform).Contains(userId, StringComparer.Ordinal);
}
