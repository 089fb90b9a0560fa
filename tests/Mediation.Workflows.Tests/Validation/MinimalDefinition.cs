using System.Text.Json.Nodes;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Tests.Engine;

namespace Mediation.Workflows.Tests.Validation;

/// <summary>
/// A small valid definition as JSON, which each validation test mutates to break one rule. It compiles against the
/// shipped calendars and bodies with no issue at all, not even a warning, so every issue a test sees is its own.
/// </summary>
/// <remarks>
/// Steps by index: 0 village, 1 township (mediation); 2 follow-up; 3 closed, 4 referred, 5 withdrawn (terminal).
/// Routing: 0 large-claim (conditional, to township), 1 default (to village).
/// Transitions of both mediation steps: 0 takeUpDeadlineMissed, 1 resolutionDeadlineMissed, 2 mediationFailed,
/// 3 agreementReached, 4 withdrawn. Follow-up: 0 performed, 1 performanceFailed.
/// </remarks>
internal static class MinimalDefinition
{
    public const string Json = """
        {
          "key": "test-civil",
          "version": 1,
          "name": { "zh-CN": "测试工作流", "en": "Test workflow" },
          "description": { "zh-CN": "用于验证测试的最小工作流。", "en": "The smallest workflow the validation tests start from." },
          "legalBasis": [
            { "source": "人民调解法", "articles": "第二十六条", "summary": { "zh-CN": "调解不成的，应当终止调解。", "en": "A failed mediation is terminated." } }
          ],
          "categories": ["neighbour", "family"],
          "calendar": "natural",
          "remedies": ["litigation", "arbitration"],
          "parameters": {
            "townshipClaimAmount": { "type": "number", "value": 50000 }
          },
          "routing": [
            { "id": "large-claim", "when": { "field": "claimedAmount", "op": "gte", "value": { "param": "townshipClaimAmount" } }, "to": "township" },
            { "id": "default", "to": "village" }
          ],
          "steps": [
            {
              "id": "village",
              "kind": "mediation",
              "name": { "zh-CN": "村调解", "en": "Village mediation" },
              "handler": { "tier": "village" },
              "takeUp": { "within": "P3D", "reminders": ["P1D"] },
              "resolution": { "within": "P30D", "clockStartsAt": "acceptance", "reminders": ["P7D"] },
              "on": [
                { "event": "takeUpDeadlineMissed", "to": "township" },
                { "event": "resolutionDeadlineMissed", "to": "township" },
                { "event": "mediationFailed", "to": "township" },
                { "event": "agreementReached", "to": "follow-up" },
                { "event": "withdrawn", "to": "withdrawn" }
              ]
            },
            {
              "id": "township",
              "kind": "mediation",
              "name": { "zh-CN": "乡镇调解", "en": "Township mediation" },
              "handler": { "tier": "township" },
              "takeUp": { "within": "P3D", "reminders": ["P1D"] },
              "resolution": { "within": "P30D", "clockStartsAt": "acceptance", "reminders": ["P7D"] },
              "on": [
                { "event": "takeUpDeadlineMissed", "to": "referred" },
                { "event": "resolutionDeadlineMissed", "to": "referred" },
                { "event": "mediationFailed", "to": "referred" },
                { "event": "agreementReached", "to": "follow-up" },
                { "event": "withdrawn", "to": "withdrawn" }
              ]
            },
            {
              "id": "follow-up",
              "kind": "followUp",
              "name": { "zh-CN": "履行回访", "en": "Follow-up" },
              "judicialConfirmation": { "within": "P30D", "reminders": ["P5D"] },
              "followUpVisit": { "within": "P15D" },
              "on": [
                { "event": "performed", "to": "closed" },
                { "event": "performanceFailed", "to": "referred" }
              ]
            },
            { "id": "closed", "kind": "terminal", "name": { "zh-CN": "结案", "en": "Closed" }, "outcome": "closed" },
            { "id": "referred", "kind": "terminal", "name": { "zh-CN": "引导诉讼", "en": "Referred to litigation" }, "outcome": "referred", "referral": "litigation" },
            { "id": "withdrawn", "kind": "terminal", "name": { "zh-CN": "撤回", "en": "Withdrawn" }, "outcome": "withdrawn" }
          ]
        }
        """;

    /// <summary>The shipped calendars (natural, cn-mainland) and bodies (medical-committee, labour-mediation, traffic-committee).</summary>
    public static DefinitionContext Context => ShippedWorkflows.Library.Context;

    /// <summary>A fresh, mutable copy of the definition.</summary>
    public static JsonObject Create() => JsonNode.Parse(Json)!.AsObject();

    /// <summary>The step at <paramref name="index"/>.</summary>
    public static JsonObject Step(this JsonObject definition, int index) => definition["steps"]![index]!.AsObject();

    /// <summary>The <c>on</c> list of the step at <paramref name="index"/>.</summary>
    public static JsonArray On(this JsonObject definition, int index) => definition.Step(index)["on"]!.AsArray();

    /// <summary>The transition <paramref name="transition"/> of the step at <paramref name="step"/>.</summary>
    public static JsonObject Transition(this JsonObject definition, int step, int transition) =>
        definition.On(step)[transition]!.AsObject();

    /// <summary>The routing rule at <paramref name="index"/>.</summary>
    public static JsonObject Route(this JsonObject definition, int index) => definition["routing"]![index]!.AsObject();

    /// <summary>A terminal step with the given id and outcome.</summary>
    public static JsonObject Terminal(string id, string outcome = "closed") => new()
    {
        ["id"] = id,
        ["kind"] = "terminal",
        ["name"] = Text("终结", "End"),
        ["outcome"] = outcome,
    };

    /// <summary>A transition object for <paramref name="eventName"/>.</summary>
    public static JsonObject Event(string eventName, string? to = null, JsonNode? when = null, int? reassign = null)
    {
        var transition = new JsonObject { ["event"] = eventName };
        if (when is not null)
        {
            transition["when"] = when;
        }

        if (to is not null)
        {
            transition["to"] = to;
        }

        if (reassign is { } maxTimes)
        {
            transition["reassign"] = new JsonObject { ["maxTimes"] = maxTimes };
        }

        return transition;
    }

    /// <summary>A comparison condition.</summary>
    public static JsonObject Compare(string field, string op, JsonNode? value) =>
        new() { ["field"] = field, ["op"] = op, ["value"] = value };

    /// <summary>A localized text object.</summary>
    public static JsonObject Text(string zhCn, string en) => new() { ["zh-CN"] = zhCn, ["en"] = en };

    /// <summary>Parses <paramref name="definition"/> (which must be well-formed) and compiles it against <see cref="Context"/>.</summary>
    public static CompilationResult Compile(JsonObject definition)
    {
        var parsed = WorkflowJson.Parse(definition.ToJsonString());
        Assert.Empty(parsed.Issues);
        return WorkflowCompiler.Compile(parsed.Definition!, Context);
    }
}
