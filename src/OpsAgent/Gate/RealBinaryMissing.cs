namespace ChatOps.OpsAgent.Gate;

// The real kubectl or helm cannot be found or is not executable; the message names the setting to fix.
internal sealed class RealBinaryMissing(string message) : Exception(message);
