namespace ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

// What verifying a Lark request gave: the reply that ends it here (URL challenge, 400, 401), or the verified,
// decrypted body and the app it belongs to.
public sealed record LarkVerified(EventReply? Reply, LarkInbound? Inbound = null, LarkApp? App = null);
