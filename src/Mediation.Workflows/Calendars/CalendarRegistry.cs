using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Mediation.Workflows.Definitions;

namespace Mediation.Workflows.Calendars;

/// <summary>
/// The calendars workflow definitions can name, by name (ordinal, case-sensitive). Immutable: <see cref="With"/>
/// returns a new registry, so a registry can be swapped atomically when an administrator adds a year's schedule.
/// Always contains the <see cref="NaturalCalendar"/> as <c>natural</c>.
/// </summary>
public sealed class CalendarRegistry
{
    private readonly FrozenDictionary<string, IWorkflowCalendar> _calendars;

    private CalendarRegistry(Dictionary<string, IWorkflowCalendar> calendars)
    {
        _calendars = calendars.ToFrozenDictionary(StringComparer.Ordinal);
        var names = new string[calendars.Count];
        calendars.Keys.CopyTo(names, 0);
        Array.Sort(names, StringComparer.Ordinal);
        Names = Array.AsReadOnly(names);
    }

    /// <summary>A registry holding only the natural calendar (Asia/Shanghai).</summary>
    public static CalendarRegistry Default { get; } = new(new Dictionary<string, IWorkflowCalendar>(StringComparer.Ordinal)
    {
        [NaturalCalendar.CalendarName] = new NaturalCalendar(),
    });

    /// <summary>The calendars' names in ordinal order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Finds the calendar called <paramref name="name"/>.</summary>
    public bool TryGet(string name, [MaybeNullWhen(false)] out IWorkflowCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _calendars.TryGetValue(name, out calendar);
    }

    /// <summary>A new registry with <paramref name="calendar"/> added, replacing any calendar of the same name.</summary>
    /// <exception cref="ArgumentException"><paramref name="calendar"/> is called <c>natural</c> but is not a <see cref="NaturalCalendar"/>.</exception>
    public CalendarRegistry With(IWorkflowCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (calendar.Name == NaturalCalendar.CalendarName && calendar is not NaturalCalendar)
        {
            throw new ArgumentException("The name 'natural' is reserved for the natural-day calendar.", nameof(calendar));
        }

        var calendars = new Dictionary<string, IWorkflowCalendar>(_calendars, StringComparer.Ordinal)
        {
            [calendar.Name] = calendar,
        };
        return new CalendarRegistry(calendars);
    }

    /// <summary>
    /// Loads every calendar folder under <paramref name="calendarsRoot"/> (e.g. <c>workflows/calendars</c>) with
    /// <see cref="CalendarJson.LoadDirectory"/>, on top of <see cref="Default"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="calendarsRoot"/> does not exist.</exception>
    /// <exception cref="CalendarLoadException">Any folder is invalid, or two folders declare the same calendar name; lists every issue.</exception>
    public static CalendarRegistry LoadFrom(string calendarsRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(calendarsRoot);
        if (!Directory.Exists(calendarsRoot))
        {
            throw new DirectoryNotFoundException($"The calendars folder '{calendarsRoot}' does not exist.");
        }

        var folders = Directory.GetDirectories(calendarsRoot);
        Array.Sort(folders, StringComparer.Ordinal);
        var issues = new List<CalendarIssue>();
        var registry = Default;
        foreach (var folder in folders)
        {
            var result = CalendarJson.LoadDirectory(folder);
            issues.AddRange(result.Issues);
            if (result.Calendar is not { } calendar)
            {
                continue;
            }

            if (registry.TryGet(calendar.Name, out _))
            {
                var location = $"{Path.GetFileName(folder)}/{CalendarJson.CalendarFileName}:$.name";
                issues.Add(new CalendarIssue(location, Text.Get("CalendarNameTaken", calendar.Name)));
                continue;
            }

            registry = registry.With(calendar);
        }

        return issues.Count > 0 ? throw new CalendarLoadException(issues) : registry;
    }
}
