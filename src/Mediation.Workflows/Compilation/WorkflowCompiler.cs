using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mediation.Workflows.Calendars;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Runtime;
using Mediation.Workflows.Validation;

namespace Mediation.Workflows.Compilation;

/// <summary>
/// Validates a definition and compiles it into the form the engine runs. Validation and compilation are one pass,
/// so whatever the validator accepts is exactly what the engine executes.
/// </summary>
public static partial class WorkflowCompiler
{
    /// <summary>Checks <paramref name="definition"/> and, when it has no errors, compiles it.</summary>
    public static CompilationResult Compile(WorkflowDefinition definition, DefinitionContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(context);
        var issues = new IssueList();
        var calendar = CheckHeader(definition, context, issues);
        var remedies = CheckRemedies(definition, issues);
        CheckParameters(definition, issues);
        var conditions = new ConditionCompiler(definition.Parameters, issues);
        var appliesWhen = conditions.Compile(definition.AppliesWhen, "$.appliesWhen");

        var stepIndex = IndexSteps(definition, issues);
        var steps = new CompiledStep?[definition.Steps.Count];
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            steps[i] = CompileStep(definition.Steps[i], i, calendar, context, issues);
        }

        var routes = CompileRoutes(definition, stepIndex, steps, conditions, issues);
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            if (steps[i] is { } step)
            {
                CompileTransitions(definition.Steps[i], step, stepIndex, steps, conditions, issues);
            }
        }

        if (!issues.HasErrors)
        {
            var compiledSteps = steps.Select(s => s!).ToArray();
            DefinitionGraph.Check(compiledSteps, routes, issues);
        }

        if (issues.HasErrors || calendar is null)
        {
            return new CompilationResult(null, issues.Items);
        }

        var compiledSteps2 = steps.Select(s => s!).ToArray();
        var calendars = new Dictionary<string, IWorkflowCalendar>(StringComparer.Ordinal) { [calendar.Name] = calendar };
        foreach (var name in compiledSteps2.SelectMany(DeadlinesOf).Select(d => d.Calendar).Distinct(StringComparer.Ordinal))
        {
            if (context.Calendars.TryGet(name, out var other))
            {
                calendars[name] = other;
            }
        }

        var workflow = new CompiledWorkflow(definition, calendar, calendars, compiledSteps2, routes, remedies, stepIndex, appliesWhen);
        return new CompilationResult(workflow, issues.Items);
    }

    /// <summary>Compiles <paramref name="definition"/>, throwing <see cref="WorkflowDefinitionException"/> when it has errors.</summary>
    public static CompiledWorkflow CompileOrThrow(WorkflowDefinition definition, DefinitionContext context)
    {
        var result = Compile(definition, context);
        return result.Workflow ?? throw new WorkflowDefinitionException(result.Errors);
    }

    private static IEnumerable<CompiledDeadline> DeadlinesOf(CompiledStep step) =>
        new[] { step.TakeUp, step.Resolution, step.JudicialConfirmation, step.FollowUpVisit }.OfType<CompiledDeadline>();

    private static IWorkflowCalendar? CheckHeader(WorkflowDefinition definition, DefinitionContext context, IssueList issues)
    {
        if (string.IsNullOrWhiteSpace(definition.Key))
        {
            issues.Error("KeyRequired", "$.key");
        }
        else if (!KeyPattern().IsMatch(definition.Key))
        {
            issues.Error("KeyInvalid", "$.key", definition.Key);
        }

        if (definition.Version < 1)
        {
            issues.Error("VersionInvalid", "$.version", definition.Version);
        }

        CheckText(definition.Name, "$.name", issues);
        CheckText(definition.Description, "$.description", issues);
        if (definition.LegalBasis.Count == 0)
        {
            issues.Warning("LegalBasisMissing", "$.legalBasis");
        }

        if (definition.Categories.Count == 0)
        {
            issues.Error("CategoriesRequired", "$.categories");
        }

        for (var i = 0; i < definition.Categories.Count; i++)
        {
            if (!DisputeCategories.All.Contains(definition.Categories[i]))
            {
                issues.Error("UnknownCategory", $"$.categories[{i}]", definition.Categories[i]);
            }
        }

        if (string.IsNullOrWhiteSpace(definition.Calendar))
        {
            issues.Error("CalendarRequired", "$.calendar");
            return null;
        }

        if (!context.Calendars.TryGet(definition.Calendar, out var calendar))
        {
            issues.Error("UnknownCalendar", "$.calendar", definition.Calendar, string.Join(", ", context.Calendars.Names));
            return null;
        }

        return calendar;
    }

    private static void CheckText(LocalizedText? text, string path, IssueList issues)
    {
        if (text is null || string.IsNullOrWhiteSpace(text.ZhCn) || string.IsNullOrWhiteSpace(text.En))
        {
            issues.Error("TextRequired", path);
        }
    }

    private static ImmutableArray<Referral> CheckRemedies(WorkflowDefinition definition, IssueList issues)
    {
        if (definition.Remedies.Count == 0)
        {
            issues.Error("RemediesRequired", "$.remedies");
        }

        var remedies = ImmutableArray.CreateBuilder<Referral>();
        for (var i = 0; i < definition.Remedies.Count; i++)
        {
            if (CamelCaseEnum<Referral>.TryParse(definition.Remedies[i], out var remedy))
            {
                remedies.Add(remedy);
            }
            else
            {
                issues.Error("UnknownReferral", $"$.remedies[{i}]", definition.Remedies[i], CamelCaseEnum<Referral>.Names);
            }
        }

        return remedies.ToImmutable();
    }

    private static void CheckParameters(WorkflowDefinition definition, IssueList issues)
    {
        foreach (var (name, parameter) in definition.Parameters)
        {
            var path = $"$.parameters.{name}";
            var expected = parameter.Type switch
            {
                "number" or "integer" => JsonValueKind.Number,
                "string" => JsonValueKind.String,
                "boolean" => parameter.Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? parameter.Value.ValueKind : JsonValueKind.True,
                _ => JsonValueKind.Undefined,
            };
            if (expected == JsonValueKind.Undefined)
            {
                issues.Error("ParameterTypeInvalid", path + ".type", parameter.Type);
                continue;
            }

            var values = parameter.Value.ValueKind == JsonValueKind.Array
                ? parameter.Value.EnumerateArray().ToList()
                : [parameter.Value];
            foreach (var value in values)
            {
                if (value.ValueKind != expected
                    || (parameter.Type == "integer" && (!value.TryGetDecimal(out var d) || d != decimal.Truncate(d))))
                {
                    issues.Error("ParameterValueMismatch", path + ".value", name, parameter.Type);
                    break;
                }
            }
        }
    }

    private static Dictionary<string, int> IndexSteps(WorkflowDefinition definition, IssueList issues)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        if (definition.Steps.Count == 0)
        {
            issues.Error("StepsRequired", "$.steps");
        }

        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var id = definition.Steps[i].Id;
            if (string.IsNullOrWhiteSpace(id) || !KeyPattern().IsMatch(id))
            {
                issues.Error("StepIdInvalid", $"$.steps[{i}].id", id);
            }
            else if (!index.TryAdd(id, i))
            {
                issues.Error("DuplicateStepId", $"$.steps[{i}].id", id, $"$.steps[{index[id]}]");
            }
        }

        return index;
    }

    private static CompiledStep? CompileStep(StepDefinition step, int index, IWorkflowCalendar? calendar, DefinitionContext context, IssueList issues)
    {
        var path = $"$.steps[{index}]";
        CheckText(step.Name, path + ".name", issues);
        if (!CamelCaseEnum<StepKind>.TryParse(step.Kind, out var kind))
        {
            issues.Error("UnknownStepKind", path + ".kind", step.Kind, CamelCaseEnum<StepKind>.Names);
            return null;
        }

        var durations = new DurationChecker(calendar, context.Calendars, issues);
        var name = step.Name ?? new LocalizedText(step.Id, step.Id);
        switch (kind)
        {
            case StepKind.Mediation:
                ForbidFields(step, path, issues, (step.Outcome, "outcome"), (step.Referral, "referral"),
                    (step.JudicialConfirmation, "judicialConfirmation"), (step.FollowUpVisit, "followUpVisit"));
                return CompileMediationStep(step, index, name, path, durations, context, issues);

            case StepKind.FollowUp:
                ForbidFields(step, path, issues, (step.Outcome, "outcome"), (step.Referral, "referral"), (step.Handler, "handler"),
                    (step.Consent, "consent"), (step.TakeUp, "takeUp"), (step.Resolution, "resolution"));
                if (step.JudicialConfirmation is null)
                {
                    issues.Warning("JudicialConfirmationMissing", path);
                }

                return new CompiledStep
                {
                    Index = index, Id = step.Id, Kind = kind, Name = name,
                    JudicialConfirmation = durations.Deadline(step.JudicialConfirmation, path + ".judicialConfirmation"),
                    FollowUpVisit = durations.Deadline(step.FollowUpVisit, path + ".followUpVisit"),
                };

            default:
                ForbidFields(step, path, issues, (step.Handler, "handler"), (step.Consent, "consent"), (step.TakeUp, "takeUp"),
                    (step.Resolution, "resolution"), (step.JudicialConfirmation, "judicialConfirmation"), (step.FollowUpVisit, "followUpVisit"));
                if (step.On.Count > 0)
                {
                    issues.Error("TerminalHasTransitions", path + ".on", step.Id);
                }

                return CompileTerminalStep(step, index, name, path, issues);
        }
    }

    private static CompiledStep CompileMediationStep(
        StepDefinition step, int index, LocalizedText name, string path, DurationChecker durations, DefinitionContext context, IssueList issues)
    {
        Tier? tier = null;
        string? body = null;
        if (step.Handler is null || (step.Handler.Tier is null && step.Handler.Body is null))
        {
            issues.Error("HandlerRequired", path + ".handler");
        }
        else if (step.Handler.Tier is not null && step.Handler.Body is not null)
        {
            issues.Error("HandlerAmbiguous", path + ".handler");
        }
        else if (step.Handler.Tier is not null)
        {
            if (CamelCaseEnum<Tier>.TryParse(step.Handler.Tier, out var parsed))
            {
                tier = parsed;
            }
            else
            {
                issues.Error("UnknownTier", path + ".handler.tier", step.Handler.Tier, CamelCaseEnum<Tier>.Names);
            }
        }
        else if (context.Bodies.ContainsKey(step.Handler.Body!))
        {
            body = step.Handler.Body;
        }
        else
        {
            issues.Error("UnknownBody", path + ".handler.body", step.Handler.Body, string.Join(", ", context.Bodies.Keys));
        }

        Participant? consentOf = null;
        var consentWithin = default(WorkflowDuration);
        if (step.Consent is not null)
        {
            if (CamelCaseEnum<Participant>.TryParse(step.Consent.Of, out var of) && of is Participant.Applicant or Participant.Respondent or Participant.AllParties)
            {
                consentOf = of;
            }
            else
            {
                issues.Error("UnknownParty", path + ".consent.of", step.Consent.Of);
            }

            consentWithin = durations.Duration(step.Consent.Within, path + ".consent.within") ?? default;
        }

        if (step.TakeUp is null)
        {
            issues.Warning("TakeUpDeadlineMissing", path);
        }

        var takeUp = durations.Deadline(step.TakeUp, path + ".takeUp");
        CompiledExtension? extension = null;
        var clockStart = ClockStart.Acceptance;
        if (step.Resolution is null)
        {
            issues.Error("ResolutionRequired", path + ".resolution");
        }
        else
        {
            if (!CamelCaseEnum<ClockStart>.TryParse(step.Resolution.ClockStartsAt, out clockStart))
            {
                issues.Error("UnknownClockStart", path + ".resolution.clockStartsAt", step.Resolution.ClockStartsAt, CamelCaseEnum<ClockStart>.Names);
            }

            if (step.Resolution.Extension is { } ext)
            {
                var extPath = path + ".resolution.extension";
                var max = durations.Duration(ext.Max, extPath + ".max");
                if (ext.Times < 1)
                {
                    issues.Error("ExtensionTimesInvalid", extPath + ".times", ext.Times);
                }

                var consent = new List<Participant>();
                var consenting = ext.ConsentOf ?? [];
                if (consenting.Count == 0)
                {
                    issues.Error("UnknownParty", extPath + ".consentOf", "[]");
                }

                for (var i = 0; i < consenting.Count; i++)
                {
                    if (CamelCaseEnum<Participant>.TryParse(consenting[i], out var p))
                    {
                        consent.Add(p);
                    }
                    else
                    {
                        issues.Error("UnknownParty", $"{extPath}.consentOf[{i}]", consenting[i]);
                    }
                }

                if (max is { } m)
                {
                    extension = new CompiledExtension(m, ext.Times, [.. consent]);
                }
            }
        }

        return new CompiledStep
        {
            Index = index, Id = step.Id, Kind = StepKind.Mediation, Name = name, Tier = tier, Body = body,
            ConsentOf = consentOf, ConsentWithin = consentWithin, TakeUp = takeUp,
            Resolution = durations.Deadline(step.Resolution, path + ".resolution"),
            ClockStart = clockStart, Pausable = step.Resolution?.Pausable ?? false, Extension = extension,
        };
    }

    private static CompiledStep CompileTerminalStep(StepDefinition step, int index, LocalizedText name, string path, IssueList issues)
    {
        TerminalOutcome? outcome = null;
        Referral? referral = null;
        if (!CamelCaseEnum<TerminalOutcome>.TryParse(step.Outcome, out var parsed))
        {
            issues.Error("UnknownOutcome", path + ".outcome", step.Outcome, CamelCaseEnum<TerminalOutcome>.Names);
        }
        else
        {
            outcome = parsed;
        }

        if (outcome == TerminalOutcome.Referred)
        {
            if (CamelCaseEnum<Referral>.TryParse(step.Referral, out var r))
            {
                referral = r;
            }
            else
            {
                issues.Error("UnknownReferral", path + ".referral", step.Referral, CamelCaseEnum<Referral>.Names);
            }
        }
        else if (step.Referral is not null)
        {
            issues.Error("FieldNotApplicable", path + ".referral", "referral", step.Outcome);
        }

        return new CompiledStep { Index = index, Id = step.Id, Kind = StepKind.Terminal, Name = name, Outcome = outcome, Referral = referral };
    }

    private static void ForbidFields(StepDefinition step, string path, IssueList issues, params (object? Value, string Name)[] fields)
    {
        foreach (var (value, fieldName) in fields)
        {
            if (value is not null)
            {
                issues.Error("FieldNotApplicable", $"{path}.{fieldName}", fieldName, step.Kind);
            }
        }
    }

    private static CompiledRoute[] CompileRoutes(
        WorkflowDefinition definition, Dictionary<string, int> stepIndex, CompiledStep?[] steps, ConditionCompiler conditions, IssueList issues)
    {
        var routes = new List<CompiledRoute>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (definition.Routing.Count == 0 || definition.Routing[^1].When is not null)
        {
            issues.Error("DefaultRouteMissing", "$.routing");
        }

        for (var i = 0; i < definition.Routing.Count; i++)
        {
            var rule = definition.Routing[i];
            var path = $"$.routing[{i}]";
            if (string.IsNullOrWhiteSpace(rule.Id) || !ids.Add(rule.Id))
            {
                issues.Error("DuplicateRuleId", path + ".id", rule.Id);
            }

            if (rule.When is null && i < definition.Routing.Count - 1)
            {
                issues.Error("DefaultRouteNotLast", path, rule.Id);
            }

            var when = conditions.Compile(rule.When, path + ".when");
            if (!stepIndex.TryGetValue(rule.To ?? string.Empty, out var target))
            {
                issues.Error("UnknownStep", path + ".to", rule.To);
                continue;
            }

            if (steps[target] is { Kind: not StepKind.Mediation })
            {
                issues.Error("RouteToNonMediationStep", path + ".to", rule.To);
            }

            routes.Add(new CompiledRoute(rule.Id, when, target));
        }

        return [.. routes];
    }

    private static void CompileTransitions(
        StepDefinition definition, CompiledStep step, Dictionary<string, int> stepIndex, CompiledStep?[] steps, ConditionCompiler conditions, IssueList issues)
    {
        var byEvent = new Dictionary<WorkflowEventType, List<CompiledTransition>>();
        var stepPath = $"$.steps[{step.Index}]";
        for (var i = 0; i < definition.On.Count; i++)
        {
            var transition = definition.On[i];
            var path = $"{stepPath}.on[{i}]";
            if (!WorkflowEvents.TryParse(transition.Event, out var type))
            {
                issues.Error("UnknownEvent", path + ".event", transition.Event, string.Join(", ", WorkflowEvents.Definable.Select(WorkflowEvents.NameOf)));
                continue;
            }

            if (!WorkflowEvents.Definable.Contains(type))
            {
                issues.Error("EventNotDefinable", path + ".event", transition.Event);
                continue;
            }

            // Ask the definition, not the compiled step: a consent or take-up deadline that is present but has its own
            // error (an unknown party, a bad duration) compiles to null and must not add a second, misleading error.
            if (WorkflowEvents.PhasesFor(step.Kind, type).IsEmpty
                || (type is WorkflowEventType.ConsentRefused or WorkflowEventType.ConsentDeadlineMissed && definition.Consent is null)
                || (type is WorkflowEventType.TakeUpDeadlineMissed && definition.TakeUp is null))
            {
                issues.Error("EventNotApplicable", path + ".event", transition.Event, step.Id);
                continue;
            }

            var when = conditions.Compile(transition.When, path + ".when");
            int target;
            var reassign = 0;
            if (transition.To is not null && transition.Reassign is not null)
            {
                issues.Error("TargetAmbiguous", path);
                continue;
            }

            if (transition.Reassign is not null)
            {
                if (step.Kind != StepKind.Mediation)
                {
                    issues.Error("ReassignNotApplicable", path + ".reassign", step.Id);
                    continue;
                }

                if (transition.Reassign.MaxTimes < 1)
                {
                    issues.Error("ReassignMaxTimesInvalid", path + ".reassign.maxTimes", transition.Reassign.MaxTimes);
                    continue;
                }

                target = step.Index;
                reassign = transition.Reassign.MaxTimes;
            }
            else if (transition.To is null)
            {
                issues.Error("TargetRequired", path);
                continue;
            }
            else if (!stepIndex.TryGetValue(transition.To, out target))
            {
                issues.Error("UnknownStep", path + ".to", transition.To);
                continue;
            }
            else if (target == step.Index)
            {
                issues.Error("TransitionToSelf", path + ".to", transition.To);
                continue;
            }
            else if (type == WorkflowEventType.AgreementReached && steps[target] is { Kind: StepKind.Mediation })
            {
                issues.Error("AgreementToMediation", path + ".to", transition.To);
                continue;
            }

            if (!byEvent.TryGetValue(type, out var list))
            {
                byEvent[type] = list = [];
            }

            if (list.Exists(static t => t is { When: null, IsReassign: false }))
            {
                issues.Warning("TransitionNeverApplies", path, transition.Event);
            }

            list.Add(new CompiledTransition(list.Count, type, when, target, reassign, path));
        }

        foreach (var (type, list) in byEvent)
        {
            step.Transitions[(int)type] = [.. list];
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();
}

/// <summary>The result of compiling a definition.</summary>
/// <param name="Workflow">The compiled workflow, when there were no errors.</param>
/// <param name="Issues">Every error and warning.</param>
public sealed record CompilationResult(CompiledWorkflow? Workflow, IReadOnlyList<ValidationIssue> Issues)
{
    /// <summary>True when there are no errors.</summary>
    public bool IsValid => Workflow is not null;

    /// <summary>The errors alone.</summary>
    public IReadOnlyList<ValidationIssue> Errors => Issues.Where(i => i.Severity == ValidationSeverity.Error).ToList();
}
