namespace ChatOps.LarkBotAdapter.Alarms;

// A chat alarms are posted in: lark:oc_… or slack:C….
public sealed record AlarmTarget(string Platform, string ChatId)
{
    public override string ToString() => $"{Platform}:{ChatId}";
}
