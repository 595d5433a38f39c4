namespace ChatOps.QCliProxy.Configuration;

// QCLI_SANDBOX: whether each CLI run gets a bubblewrap sandbox of its own.
public enum SandboxMode
{
    // Today's behaviour: the run sees everything its account may see.
    None,

    // bwrap: own pid namespace, read-only system, only its conversation's folder writable.
    Bwrap,
}
