using System.Globalization;

namespace Mediation.Api.Web.Workbench;

/// <summary>Dates and times as the workbench shows them: China Standard Time, the time the law's deadlines are counted in.</summary>
public static class WorkbenchFormat
{
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>e.g. <c>2026-03-02 14:30</c> (China Standard Time).</summary>
    public static string Local(DateTimeOffset instant) =>
        instant.ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A deadline as people count it: one that ends at 00:00 (China Standard Time) is shown as 24:00 of its last day, as
    /// the law counts periods and as the resident pages show it (e.g. <c>2026-12-23 24:00</c>, not <c>2026-12-24 00:00</c>).
    /// </summary>
    public static string Due(DateTimeOffset instant)
    {
        var local = instant.ToOffset(ChinaStandardTime);
        return local.TimeOfDay == TimeSpan.Zero
            ? local.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 24:00"
            : local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>e.g. <c>2026-03-02</c> (China Standard Time).</summary>
    public static string Date(DateTimeOffset instant) =>
        instant.ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The wall-clock minute of <paramref name="instant"/> in China Standard Time (a form's default session time).</summary>
    public static DateTime LocalMinute(DateTimeOffset instant)
    {
        var local = instant.ToOffset(ChinaStandardTime);
        return new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
    }

    /// <summary>A wall-clock time in China Standard Time as an instant.</summary>
    public static DateTimeOffset FromLocal(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaStandardTime);
}
