namespace ChatOps.LarkBotAdapter.Conversations.Alarms;

// How an alarm card is coloured: firing, resolved, no data, or a storm summary.
public enum AlarmTone
{
    Firing,
    Resolved,
    NoData,
    Storm,
}
