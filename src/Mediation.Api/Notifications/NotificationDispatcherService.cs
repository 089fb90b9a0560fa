using Microsoft.Extensions.Options;

namespace Mediation.Api.Notifications;

/// <summary>
/// Runs <see cref="NotificationDispatcher"/> in the background: a round, then another at once when the round filled
/// a batch, otherwise after <see cref="NotificationOptions.PollInterval"/> on the host's <see cref="TimeProvider"/>.
/// Stopping the host cancels a send in flight; that delivery stays "sending" and is sent again, with the same id, by
/// the next host on the same database.
/// </summary>
internal sealed partial class NotificationDispatcherService(
    NotificationDispatcher dispatcher,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    IHostEnvironment environment,
    ILogger<NotificationDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!options.Value.Sms.IsHttp && !environment.IsDevelopment())
        {
            LogStandIn(environment.EnvironmentName);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                var round = await dispatcher.RunOnceAsync(stoppingToken);
                busy = round.Expanded >= options.Value.BatchSize || round.Due >= options.Value.BatchSize;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogRoundFailed(exception);
            }

            if (!busy)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Environment {Environment}: the SMS stand-in is in use, texts are logged and not sent; set Notifications:Sms:Mode=Http and the gateway settings")]
    private partial void LogStandIn(string environment);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification dispatch round failed; trying again after the poll interval")]
    private partial void LogRoundFailed(Exception exception);
}
