using ChatOps.IntentRecognition;

namespace ChatOps.LarkBotAdapter.Local;

// The console's classifier: the configured one, noting its last result so `ask` can print the intent before the
// answer's first segment while the answer still streams.
public sealed class NotedClassifier(IIntentClassifier inner) : IIntentClassifier
{
    public IntentResult? Last { get; private set; }

    public async Task<IntentResult> ClassifyAsync(IntentRequest request, CancellationToken cancellationToken)
    {
        var result = await inner.ClassifyAsync(request, cancellationToken);
        Last = result;
        return result;
    }

    // Wraps the last IIntentClassifier registration (the one the worker gets).
    public static void Register(IServiceCollection services)
    {
        var configured = services.Last(d => d.ServiceType == typeof(IIntentClassifier));
        services.AddSingleton(sp => new NotedClassifier(Resolve(sp, configured)));
        services.AddSingleton<IIntentClassifier>(sp => sp.GetRequiredService<NotedClassifier>());
    }

    private static IIntentClassifier Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IIntentClassifier)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
