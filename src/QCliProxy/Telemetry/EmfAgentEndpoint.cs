using System.Net.Sockets;

namespace ChatOps.QCliProxy.Telemetry;

// AWS_EMF_AGENT_ENDPOINT: where the CloudWatch agent takes EMF, tcp://host:port (newline-delimited JSON) or
// udp://host:port (one datagram per line). The default is the agent's own, tcp://127.0.0.1:25888.
internal sealed record EmfAgentEndpoint(ProtocolType Protocol, string Host, int Port)
{
    public const string Variable = "AWS_EMF_AGENT_ENDPOINT";

    public static readonly EmfAgentEndpoint Default = new(ProtocolType.Tcp, "127.0.0.1", 25888);

    public static EmfAgentEndpoint? Parse(string? value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Default;
        }

        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "tcp" or "udp"
            && uri.Port is > 0 and <= 65535 && uri.AbsolutePath is "/" or "" && uri.Host.Length > 0)
        {
            return new(uri.Scheme == "tcp" ? ProtocolType.Tcp : ProtocolType.Udp, uri.IdnHost, uri.Port);
        }

        errors.Add($"{Variable} must be tcp://host:port or udp://host:port, not '{value}'.");
        return null;
    }

    public override string ToString() => $"{(Protocol == ProtocolType.Tcp ? "tcp" : "udp")}://{Host}:{Port}";
}
