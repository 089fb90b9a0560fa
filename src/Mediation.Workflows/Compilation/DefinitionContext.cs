using Mediation.Workflows.Calendars;
using Mediation.Workflows.Definitions;

namespace Mediation.Workflows.Compilation;

/// <summary>What a definition may refer to: the calendars and the professional bodies on file.</summary>
/// <param name="Calendars">Calendars by name.</param>
/// <param name="Bodies">Professional bodies by id.</param>
public sealed record DefinitionContext(CalendarRegistry Calendars, IReadOnlyDictionary<string, ProfessionalBody> Bodies);
