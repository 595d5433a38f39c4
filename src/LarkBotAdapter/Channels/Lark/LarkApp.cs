namespace ChatOps.LarkBotAdapter.Channels.Lark;

// One configured Lark (Feishu) app.
// EncryptKey: Null when the app sends events unencrypted (then Lark does not sign them either).
public sealed record LarkApp(string AppId, string AppSecret, string? EncryptKey, string VerificationToken)
{
    // Secrets stay out of logs even when a record is printed whole.
    public override string ToString() => $"LarkApp {{ AppId = {AppId} }}";
}
