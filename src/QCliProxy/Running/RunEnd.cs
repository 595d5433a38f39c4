namespace ChatOps.QCliProxy.Running;

/// <summary>How a CLI run ended.</summary>
internal enum RunEnd
{
    Exited,
    StartFailed,
    TimedOut,
    OutputCapped,
    ClientGone,
    ShuttingDown,
}
