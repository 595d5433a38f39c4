namespace ChatOps.LarkBotAdapter.Alarms;

// One record of an SNS event as Lambda delivers it ({"Records":[{"EventSource":"aws:sns","Sns":{…}}]}): the fields the
// bot uses. MessageId is SNS's id for the message (kept on redelivery), the key that makes its work run once.
public sealed record SnsNotification(string MessageId, string TopicArn, string Message);
