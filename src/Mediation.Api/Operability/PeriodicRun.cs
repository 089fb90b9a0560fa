namespace Mediation.Api.Operability;

/// <summary>
/// The loop of a background job that runs on an interval (court submissions, retention, operational metrics): a run
/// that fails is reported and the next one tries again; stopping the host ends the wait.
/// </summary>
internal static class PeriodicRun
{
    public static async Task RepeatAsync(
        Func<CancellationToken, Task> run, TimeSpan interval, TimeProvider clock, Action<Exception> failed, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await run(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed(exception);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
