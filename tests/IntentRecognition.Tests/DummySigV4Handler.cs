using System.Globalization;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>Adds SigV4-shaped headers so the fake Bedrock accepts requests; the app signs with AWSSDK.Core instead.</summary>
internal sealed class DummySigV4Handler : DelegatingHandler
{
    public DummySigV4Handler()
        : base(new HttpClientHandler())
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        const string date = "20250101T000000Z";
        request.Headers.TryAddWithoutValidation("X-Amz-Date", date);
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            string.Create(CultureInfo.InvariantCulture, $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLETEST/{date[..8]}/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000"));
        return base.SendAsync(request, cancellationToken);
    }
}
