using System.Globalization;
using System.Resources;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Runtime;

namespace Mediation.Api.Web.Designer;

/// <summary>What the designer puts into a new step or transition before the administrator changes it.</summary>
public static class DesignerDefaults
{
    public static readonly string[] Kinds = ["mediation", "followUp", "terminal"];
    public static readonly string[] Tiers = ["village", "township", "district"];
    public static readonly string[] Outcomes = ["closed", "referred", "withdrawn", "refused"];
    public static readonly string[] ClockStarts = ["acceptance", "stepEntry", "filing", "receipt"];
    public static readonly string[] ConsentParties = ["applicant", "respondent", "mediator", "organisation", "allParties"];

    /// <summary>Remedies and referrals (人民调解法 Art. 26), in the engine's names.</summary>
    public static readonly string[] Remedies = [.. Enum.GetValues<Referral>().Select(r => JsonNameOf(r.ToString()))];

    /// <summary>Events a workflow can give transitions for, in the engine's order.</summary>
    public static readonly string[] Events = [.. WorkflowEvents.Definable.Order().Select(WorkflowEvents.NameOf)];

    /// <summary>The order in which a new edge from a step of each kind picks its event: the first the step does not handle yet.</summary>
    private static readonly Dictionary<string, string[]> EventPreference = new(StringComparer.Ordinal)
    {
        ["mediation"] = ["mediationFailed", "escalationRequested", "declined", "takeUpDeadlineMissed", "resolutionDeadlineMissed", "agreementReached", "withdrawn", "riskFlagged"],
        ["followUp"] = ["performed", "performanceFailed", "riskFlagged"],
    };

    /// <summary>A new step of <paramref name="kind"/> with the fields that kind needs, so it validates as soon as it is connected.</summary>
    public static StepDefinition NewStep(string id, string kind) => kind switch
    {
        "mediation" => new StepDefinition
        {
            Id = id,
            Kind = kind,
            Name = Text("NewMediationStep"),
            Handler = new HandlerDefinition("village", null),
            TakeUp = new DeadlineDefinition { Within = "P3D" },
            Resolution = new ResolutionDefinition { Within = "P30D", ClockStartsAt = "acceptance" },
        },
        "followUp" => new StepDefinition
        {
            Id = id,
            Kind = kind,
            Name = Text("NewFollowUpStep"),
            JudicialConfirmation = new DeadlineDefinition { Within = "P30D", Calendar = "natural" },
            FollowUpVisit = new DeadlineDefinition { Within = "P15D" },
        },
        _ => new StepDefinition
        {
            Id = id,
            Kind = "terminal",
            Name = Text("NewTerminalStep"),
            Outcome = "referred",
            Referral = "litigation",
        },
    };

    /// <summary>An id not used by any step: <c>step-1</c>, <c>step-2</c>…</summary>
    public static string NewStepId(IEnumerable<string> used)
    {
        var taken = used.ToHashSet(StringComparer.Ordinal);
        for (var n = 1; ; n++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"step-{n}");
            if (!taken.Contains(id))
            {
                return id;
            }
        }
    }

    /// <summary>The event a new transition from <paramref name="source"/> gets: the first in the kind's preference the step does not handle yet.</summary>
    public static string EventForNewTransition(StepDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var preference = EventPreference.GetValueOrDefault(source.Kind) ?? ["mediationFailed"];
        var handled = source.On.Select(t => t.Event).ToHashSet(StringComparer.Ordinal);
        return preference.FirstOrDefault(e => !handled.Contains(e)) ?? preference[0];
    }

    /// <summary>A text from the designer's resources in both languages (a definition stores both).</summary>
    public static LocalizedText Text(string key) => new(
        DesignerText.Resources.GetString(key, CultureInfo.GetCultureInfo("zh-CN")) ?? key,
        DesignerText.Resources.GetString(key, CultureInfo.GetCultureInfo("en")) ?? key);

    private static string JsonNameOf(string name) => string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);
}
