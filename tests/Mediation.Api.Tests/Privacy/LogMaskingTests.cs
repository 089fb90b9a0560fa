using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mediation.Api.Tests.Disputes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mediation.Api.Tests.Privacy;

/// <summary>Every log line (message, properties and scopes) written while a case is filed, handled and its party's full data opened carries no full phone or ID number.</summary>
public sealed class LogMaskingTests
{
    [Fact]
    public async Task FilingActingAndOpeningFullDetails_LogNoFullNumbers_ButCarryTheCaseScope()
    {
        var capture = new CapturingLoggerProvider();
        await using var host = new CapturingHost(capture);
        using var resident = await host.CreateClientForAsync("resident1");
        var filed = await FilingTestData.FileOkAsync(resident, FilingTestData.Body());
        var id = filed.GetProperty("id").GetGuid();
        using var mediator = await host.CreateClientForAsync("mediator-150302001001");
        using (var takeUp = await mediator.PostAsync(new Uri($"/api/disputes/{id}/take-up", UriKind.Relative), null))
        {
            takeUp.EnsureSuccessStatusCode();
        }

        var party = filed.GetProperty("parties")[1].GetProperty("id").GetGuid();
        using (var read = await mediator.PostAsJsonAsync($"/api/disputes/{id}/parties/{party}/full-details", new { reason = "电话通知调解时间" }))
        {
            var details = await read.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(FilingTestData.OtherValidIdNumber, details.GetProperty("idNumber").GetString());
        }

        var lines = capture.Lines.ToList();
        Assert.NotEmpty(lines);
        foreach (var number in new[] { "13812345678", "13987654321", FilingTestData.ValidIdNumber, FilingTestData.OtherValidIdNumber })
        {
            Assert.DoesNotContain(lines, l => l.Contains(number, StringComparison.Ordinal));
        }

        var reference = filed.GetProperty("reference").GetString()!;
        Assert.Contains(lines, l => l.Contains("Personal data of party", StringComparison.Ordinal) && l.Contains(reference, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"DisputeId={id}", StringComparison.Ordinal));
    }

    private sealed class CapturingHost(CapturingLoggerProvider capture) : MediationApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Timers:Enabled", "false");
            builder.ConfigureLogging(logging => logging.AddProvider(capture).SetMinimumLevel(LogLevel.Debug));
        }
    }

    /// <summary>Renders each entry with its message, its structured properties and every scope around it.</summary>
    internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new StringBuilder().Append(category).Append(": ").Append(formatter(state, exception));
                Append(line, state);
                provider._scopes.ForEachScope((scope, builder) => Append(builder, scope), line);
                if (exception is not null)
                {
                    line.Append(" | ").Append(exception);
                }

                provider.Lines.Enqueue(line.ToString());
            }

            private static void Append(StringBuilder line, object? values)
            {
                if (values is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        line.Append(' ').Append(key).Append('=').Append(value);
                    }
                }
                else if (values is not null)
                {
                    line.Append(' ').Append(values);
                }
            }
        }
    }
}
