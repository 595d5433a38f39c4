namespace ChatOps.LarkBotAdapter.Conversations.Alarms;

// One line of an alarm card: a label the bot wrote and a value that came with the alarm.
public sealed record AlarmCardField(string Label, string Value);
