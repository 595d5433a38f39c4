namespace ChatOps.OpsAgent.Gate;

// A command the gate will not run; the message is the one line the model reads after "refused: ".
internal sealed class GateRefusal(string message) : Exception(message);
