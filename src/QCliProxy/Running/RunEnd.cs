namespace ChatOps.QCliProxy.Running;

// How a CLI run ended.
internal enum RunEnd
{
    Exited,
    StartFailed,
    TimedOut,
    OutputCapped,
    ClientGone,
    ShuttingDown,
}
