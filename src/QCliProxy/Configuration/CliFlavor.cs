namespace ChatOps.QCliProxy.Configuration;

// Which CLI QCLI_COMMAND names: they share flags but not tool names or agent folders.
public enum CliFlavor
{
    // Amazon Q Developer CLI (q): tools fs_read, use_aws, execute_bash.
    QDeveloper,

    // Kiro CLI (kiro-cli), the Q CLI's successor: tools read, aws, shell.
    Kiro,
}
