namespace ChatOps.QCliProxy.Configuration;

/// <summary>Which CLI <c>QCLI_COMMAND</c> names: they share flags but not tool names or agent folders.</summary>
public enum CliFlavor
{
    /// <summary>Amazon Q Developer CLI (<c>q</c>): tools <c>fs_read</c>, <c>use_aws</c>, <c>execute_bash</c>.</summary>
    QDeveloper,

    /// <summary>Kiro CLI (<c>kiro-cli</c>), the Q CLI's successor: tools <c>read</c>, <c>aws</c>, <c>shell</c>.</summary>
    Kiro,
}
