namespace ChatOps.QCliProxy.Security;

// Reads the raw body (the signature covers its exact bytes), refusing more than a limit.
internal static class RequestBody
{
    public const int MaxBytes = 512 * 1024;

    // Returns The body, or null when it is larger than MaxBytes.
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (body.Length + read > MaxBytes)
            {
                return null;
            }

            body.Write(buffer, 0, read);
        }

        return body.ToArray();
    }
}
