using ChatOps.LarkBotAdapter.Aws;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Jobs;
using ChatOps.LarkBotAdapter.Replies;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Worker;

public static class WorkerServiceCollectionExtensions
{
    // The worker pipeline: segmenter, channels, processor.
    public static IServiceCollection AddWorkerCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkerOptions>().Configure(o => o.Load(configuration)).ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<WorkerOptions>>().Value);
        services.AddSingleton(TimeProvider.System);
        // A reply request nests the post JSON inside a JSON string, so a quote can cost 4 bytes on the wire:
        // 7,000 UTF-8 bytes per segment keeps even a worst-case segment under Lark's 30 KB request limit.
        services.AddOptions<SegmenterOptions>().Configure(o => o.MaxUtf8Bytes = 7000).ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SegmenterOptions>>().Value);
        services.AddTransient<Segmenter>();
        services.AddTransient<ChatChannels>();
        services.AddTransient<QuestionRateLimit>();
        services.AddTransient<TurnGate>();
        services.AddTransient<ThreadMemory>();
        services.AddTransient<AnswerDelivery>();
        services.AddTransient<TurnAnswerer>();
        services.AddTransient<TurnProcessor>();
        services.AddTransient<IJobHandler, AnswerJobHandler>();
        services.AddTransient<JobHandlers>();
        return services;
    }

    // How the ingress hands jobs to the worker: Lambda async self-invocation on Lambda, else an in-process queue.
    public static IServiceCollection AddHandOff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTransient<TurnAdmission>();
        // TurnAdmission posts through a channel only when the store is down; the ack path does not build the channels.
        services.AddTransient(sp => new Lazy<ChatChannels>(sp.GetRequiredService<ChatChannels>));
        services.AddTransient<ThreadActivity>();
        services.AddTransient<LeasedJobRunner>();
        if (WorkerOptions.LambdaFunctionFrom(configuration) is not null)
        {
            // Sent once: a retried Invoke whose first 202 was lost would queue the job twice. The ack budget bounds it.
            services.AddSignedAwsClient<LambdaJobDispatcher>("lambda", aws => aws.Region, aws => aws.Endpoint("LAMBDA", "lambda", aws.Region), retry: false);
            services.AddTransient<IJobDispatcher>(sp => sp.GetRequiredService<LambdaJobDispatcher>());
        }
        else
        {
            services.AddSingleton<InProcessJobQueue>();
            services.AddSingleton<IJobDispatcher>(sp => sp.GetRequiredService<InProcessJobQueue>());
            services.AddHostedService(sp => sp.GetRequiredService<InProcessJobQueue>());
        }
        return services;
    }
}
