namespace ChatOps.LarkBotAdapter.Feedback;

// What a click did: a first vote, a changed one, the same vote again, or nothing (the store was unavailable).
public enum FeedbackOutcome
{
    Recorded,
    Changed,
    Unchanged,
    Unavailable,
}
