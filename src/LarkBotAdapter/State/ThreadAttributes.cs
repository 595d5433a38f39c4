namespace ChatOps.LarkBotAdapter.State;

// Names of the values a thread keeps in its context's attributes (ThreadContext.Attributes), for the features that
// read a value another feature wrote.
public static class ThreadAttributes
{
    // The AWS profile the ops route last used in the thread (a follow-up keeps the account).
    public const string AwsProfile = "ops.awsProfile";
}
