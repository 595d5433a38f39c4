namespace ChatOps.LarkBotAdapter.State;

// Names of the values a thread keeps in its context's attributes (ThreadContext.Attributes), for the features that
// read a value another feature wrote.
public static class ThreadAttributes
{
    // The AWS profile the ops route last used in the thread (a follow-up keeps the account).
    public const string AwsProfile = "ops.awsProfile";

    // The route (intent label) every question of the thread takes without being classified: an alarm's thread is an
    // ops conversation (Alarms sets it when it opens the thread).
    public const string Route = "thread.route";
}
