using System.Globalization;

namespace ChatOps.QCliProxy.Configuration;

// A local account from /etc/passwd: the CLI's own user when QCLI_RUN_AS is set.
public sealed record UnixAccount(string Name, uint UserId, uint GroupId, string Home)
{
    public const string PasswdFile = "/etc/passwd";

    // The account named name, or null when the file has none.
    public static UnixAccount? Find(string name, string passwdFile = PasswdFile)
    {
        if (!File.Exists(passwdFile))
        {
            return null;
        }

        foreach (var line in File.ReadLines(passwdFile))
        {
            // name:password:uid:gid:gecos:home:shell
            var fields = line.Split(':');
            if (fields.Length >= 7 && fields[0] == name
                && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
                && uint.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
            {
                return new UnixAccount(name, uid, gid, fields[5]);
            }
        }

        return null;
    }
}
