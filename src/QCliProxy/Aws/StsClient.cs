using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using ChatOps.QCliProxy.Configuration;

namespace ChatOps.QCliProxy.Aws;

// STS AssumeRole (query protocol, SigV4-signed with AWSSDK.Core's signer, the one the bot uses, at the proxy's clock) at
// AWS_ENDPOINT_URL_STS or the regional endpoint.
internal sealed class StsClient(HttpClient http, ProxyOptions options, TimeProvider time)
{
    public const string DefaultRegion = "us-east-1";
    private static readonly XNamespace Sts = "https://sts.amazonaws.com/doc/2011-06-15/";

    // Throws StsDeniedException for an error answer, HttpRequestException when STS cannot be reached.
    public async Task<AwsKeys> AssumeRoleAsync(AwsKeys source, RoleStep step, string sessionName, int durationSeconds, string? profileRegion, CancellationToken ct)
    {
        var region = options.StsRegion ?? profileRegion ?? DefaultRegion;
        var endpoint = options.StsEndpoint ?? new Uri($"https://sts.{region}.amazonaws.com/");
        var form = new List<KeyValuePair<string, string>>
        {
            new("Action", "AssumeRole"),
            new("Version", "2011-06-15"),
            new("RoleArn", step.RoleArn),
            new("RoleSessionName", sessionName),
            new("DurationSeconds", durationSeconds.ToString(CultureInfo.InvariantCulture)),
        };
        if (step.ExternalId is { } externalId)
        {
            form.Add(new("ExternalId", externalId));
        }

        using var content = new FormUrlEncodedContent(form);
        var body = await content.ReadAsByteArrayAsync(ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded") { CharSet = "utf-8" };
        await SignAsync(request, body, source, region, ct);
        using var response = await http.SendAsync(request, ct);
        var answer = XDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var code = answer.Descendants().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value ?? "no error code";
            throw new StsDeniedException(step.RoleArn, (int)response.StatusCode, code);
        }

        var credentials = answer.Descendants(Sts + "Credentials").FirstOrDefault()
            ?? throw new InvalidDataException("STS answered without Credentials");
        return new AwsKeys(
            Required(credentials, "AccessKeyId"),
            Required(credentials, "SecretAccessKey"),
            Required(credentials, "SessionToken"),
            DateTimeOffset.Parse(Required(credentials, "Expiration"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }

    private async Task SignAsync(HttpRequestMessage request, byte[] body, AwsKeys source, string region, CancellationToken ct)
    {
        var signing = new AWSSigningRequest { HttpMethod = request.Method, RequestUri = request.RequestUri!, Content = body };
        signing.Headers["content-type"] = request.Content!.Headers.ContentType!.ToString();
        var parameters = new AWSSigV4Parameters
        {
            Credentials = new SessionAWSCredentials(source.AccessKeyId, source.SecretAccessKey, source.SessionToken),
            Region = RegionEndpoint.GetBySystemName(region),
            Service = "sts",
            SignedAt = time.GetUtcNow().UtcDateTime,
        };
        var signed = await AWSSigV4Signer.SignAsync(signing, parameters, ct);
        foreach (var (name, value) in signed.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content!.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }

    private static string Required(XElement credentials, string name) =>
        credentials.Element(Sts + name)?.Value ?? throw new InvalidDataException($"STS answered without {name}");
}
