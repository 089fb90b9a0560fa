using Mediation.Api.Hotline;

namespace Mediation.Api.Notifications;

internal static class NotificationExtensions
{
    /// <summary>
    /// Notifications and 12345 hotline callbacks: the dispatcher (a hosted service unless <c>Notifications:Enabled</c> is
    /// false), the SMS gateway chosen by <c>Notifications:Sms:Mode</c> (<c>Log</c> stand-in by default, <c>Http</c>),
    /// the hotline callback client (a logging stand-in in Development without <c>Hotline:BaseUrl</c>), the <c>Mediation.Notifications</c> meter, and the hotline webhook's options.
    /// </summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        builder.Services.AddOptions<HotlineOptions>().BindConfiguration(HotlineOptions.Section);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<NotificationMetrics>();
        builder.Services.AddSingleton<NotificationDispatcher>();

        var settings = builder.Configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>() ?? new NotificationOptions();
        if (settings.Sms.IsHttp)
        {
            if (settings.Sms.BaseUrl is null)
            {
                throw new InvalidOperationException("Notifications:Sms:Mode is Http but Notifications:Sms:BaseUrl is not set.");
            }

            builder.Services.AddHttpClient<ISmsGateway, HttpSmsGateway>(HttpSmsGateway.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        }
        else
        {
            builder.Services.AddSingleton<ISmsGateway, LoggingSmsGateway>();
        }

        var hotline = builder.Configuration.GetSection(HotlineOptions.Section).Get<HotlineOptions>() ?? new HotlineOptions();
        if (hotline.BaseUrl is null && builder.Environment.IsDevelopment())
        {
            builder.Services.AddSingleton<IHotlineCallbackClient, LoggingHotlineCallbackClient>();
        }
        else
        {
            builder.Services.AddHttpClient<IHotlineCallbackClient, HttpHotlineCallbackClient>(HttpHotlineCallbackClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        }
        if (settings.Enabled)
        {
            builder.Services.AddHostedService<NotificationDispatcherService>();
        }

        return builder;
    }
}
