namespace ChatOps.QCliProxy.Aws;

public static class AwsServiceCollectionExtensions
{
    // A run's AWS files and, with QCLI_VEND_CREDENTIALS, the clients that get its temporary keys.
    public static IServiceCollection AddAwsRunFiles(this IServiceCollection services)
    {
        // IMDS is a link-local address: never through an HTTP proxy, and a token cannot follow a redirect.
        services.AddHttpClient<InstanceMetadataClient>(http => http.Timeout = TimeSpan.FromSeconds(5))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        // A redirect would not be signed again.
        services.AddHttpClient<StsClient>(http => http.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddSingleton<CredentialVendor>();
        services.AddSingleton<AwsProfileFiles>();
        return services;
    }
}
