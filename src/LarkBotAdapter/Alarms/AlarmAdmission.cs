namespace ChatOps.LarkBotAdapter.Alarms;

// What POST /events did with an SNS event: every alarm in it handed off (or ignored, or already handled), refused as
// malformed (nothing done), or not handed off (the store or the dispatcher failed: 500, Lambda retries the event).
public enum AlarmAdmission
{
    Accepted,
    Malformed,
    NotHandedOff,
}
