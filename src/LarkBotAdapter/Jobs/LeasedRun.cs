namespace ChatOps.LarkBotAdapter.Jobs;

// How one delivery of a job ended under its lease (LeasedJobRunner); /events answers Lambda from it.
public enum LeasedRun
{
    // Handled and recorded as done.
    Done,

    // Dropped: the hop count says it would be handed off again.
    TooManyHops,

    // Dropped: an earlier delivery answered it.
    AlreadyDone,

    // Dropped: another delivery is running it.
    AlreadyRunning,

    // Stopped: another run took the lease over and answers instead.
    TakenOver,

    // Not started: the lease could not be read or written; a retry runs it.
    StoreUnavailable,

    // The handler threw; the lease was given back so a retry runs it.
    Failed,
}
