using Mediation.Api.Calendars;
using Mediation.Api.Data;

namespace Mediation.Api.Figures;

/// <summary>The administrator console's services: dashboard figures and calendar years added at run time.</summary>
internal static class AdminConsoleExtensions
{
    public static IHostApplicationBuilder AddAdminConsole(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<FiguresQuery>();
        builder.Services.AddScoped<CalendarYears>();
        builder.Services.AddScoped<IDatabaseSeeder, CalendarYearSeeder>();
        return builder;
    }
}
