namespace ChatOps.LarkBotAdapter.Approvals;

// Platform-qualified user ids, the form approver lists, records and audit lines use: lark:ou_…, slack:U… (Slack user
// ids are unique per workspace, so the team is kept in records: slack:T…:U…).
public static class Voter
{
    public static string Of(string platform, string appId, string userId) =>
        platform == Conversations.Platforms.Slack ? $"{platform}:{appId}:{userId}" : $"{platform}:{userId}";
}
