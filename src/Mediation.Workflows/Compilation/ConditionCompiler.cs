using System.Globalization;
using System.Text.Json;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Runtime;
using Mediation.Workflows.Validation;

namespace Mediation.Workflows.Compilation;

/// <summary>Checks a condition against the known facts, operators and parameters, and compiles it.</summary>
internal sealed class ConditionCompiler(IReadOnlyDictionary<string, WorkflowParameter> parameters, IssueList issues)
{
    private static readonly Dictionary<string, ComparisonOperator> Operators = new(System.StringComparer.Ordinal)
    {
        ["eq"] = ComparisonOperator.Eq,
        ["ne"] = ComparisonOperator.Ne,
        ["gt"] = ComparisonOperator.Gt,
        ["gte"] = ComparisonOperator.Gte,
        ["lt"] = ComparisonOperator.Lt,
        ["lte"] = ComparisonOperator.Lte,
        ["in"] = ComparisonOperator.In,
        ["notIn"] = ComparisonOperator.NotIn,
        ["contains"] = ComparisonOperator.Contains,
        ["within"] = ComparisonOperator.Within,
    };

    private static readonly ComparisonOperator[] NumberOperators =
    [
        ComparisonOperator.Eq, ComparisonOperator.Ne, ComparisonOperator.Gt, ComparisonOperator.Gte,
        ComparisonOperator.Lt, ComparisonOperator.Lte, ComparisonOperator.In, ComparisonOperator.NotIn,
    ];

    private static readonly ComparisonOperator[] EqualityOperators =
        [ComparisonOperator.Eq, ComparisonOperator.Ne, ComparisonOperator.In, ComparisonOperator.NotIn];

    private static readonly ComparisonOperator[] AreaOperators =
        [ComparisonOperator.Eq, ComparisonOperator.Ne, ComparisonOperator.In, ComparisonOperator.NotIn, ComparisonOperator.Within];

    public CompiledCondition? Compile(Condition? condition, string path)
    {
        switch (condition)
        {
            case null:
                return null;
            case AllCondition all:
                return CompileList(all.Conditions, path + ".all") is { } allOf ? new AllOf(allOf) : null;
            case AnyCondition any:
                return CompileList(any.Conditions, path + ".any") is { } anyOf ? new AnyOf(anyOf) : null;
            case NotCondition not:
                return Compile(not.Inner, path + ".not") is { } inner ? new NotOf(inner) : null;
            case ComparisonCondition comparison:
                return CompileComparison(comparison, path);
            default:
                issues.Error("InvalidCondition", path);
                return null;
        }
    }

    private CompiledCondition[]? CompileList(IReadOnlyList<Condition> conditions, string path)
    {
        if (conditions.Count == 0)
        {
            issues.Error("EmptyCondition", path);
            return null;
        }

        var compiled = new CompiledCondition[conditions.Count];
        var ok = true;
        for (var i = 0; i < conditions.Count; i++)
        {
            var item = Compile(conditions[i], $"{path}[{i}]");
            ok &= item is not null;
            compiled[i] = item!;
        }

        return ok ? compiled : null;
    }

    private CompiledCondition? CompileComparison(ComparisonCondition comparison, string path)
    {
        if (!FactFields.Types.TryGetValue(comparison.Field, out var type))
        {
            issues.Error("UnknownField", path + ".field", comparison.Field, string.Join(", ", FactFields.Types.Keys));
            return null;
        }

        if (!Operators.TryGetValue(comparison.Op, out var op))
        {
            issues.Error("UnknownOperator", path + ".op", comparison.Op, string.Join(", ", Operators.Keys));
            return null;
        }

        var allowed = type switch
        {
            FactType.Number or FactType.WholeNumber => NumberOperators,
            FactType.TextSet => [ComparisonOperator.Contains],
            FactType.AreaCode => AreaOperators,
            _ => EqualityOperators,
        };
        if (Array.IndexOf(allowed, op) < 0)
        {
            issues.Error("OperatorNotApplicable", path + ".op", comparison.Op, comparison.Field);
            return null;
        }

        var valuePath = path + ".value";
        var value = comparison.Value;
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (!value.TryGetProperty("param", out var paramName) || paramName.ValueKind != JsonValueKind.String)
            {
                issues.Error("ValueTypeMismatch", valuePath, comparison.Field, Describe(type, op));
                return null;
            }

            if (!parameters.TryGetValue(paramName.GetString()!, out var parameter))
            {
                issues.Error("UnknownParameter", valuePath + ".param", paramName.GetString());
                return null;
            }

            value = parameter.Value;
        }

        var wantsList = op is ComparisonOperator.In or ComparisonOperator.NotIn;
        var acceptsList = wantsList || op is ComparisonOperator.Contains or ComparisonOperator.Within;
        List<JsonElement> items = [];
        if (value.ValueKind == JsonValueKind.Array)
        {
            if (!acceptsList || value.GetArrayLength() == 0)
            {
                issues.Error("ValueTypeMismatch", valuePath, comparison.Field, Describe(type, op));
                return null;
            }

            items.AddRange(value.EnumerateArray());
        }
        else if (wantsList)
        {
            issues.Error("ValueTypeMismatch", valuePath, comparison.Field, Describe(type, op));
            return null;
        }
        else
        {
            items.Add(value);
        }

        switch (type)
        {
            case FactType.Number or FactType.WholeNumber:
                var numbers = new decimal[items.Count];
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i].ValueKind != JsonValueKind.Number || !items[i].TryGetDecimal(out numbers[i])
                        || (type == FactType.WholeNumber && numbers[i] != decimal.Truncate(numbers[i])))
                    {
                        issues.Error("ValueTypeMismatch", valuePath, comparison.Field, Describe(type, op));
                        return null;
                    }
                }

                Func<CaseFacts, decimal?> read = comparison.Field == FactFields.PartyCount
                    ? static f => f.PartyCount
                    : static f => f.ClaimedAmount;
                return new NumberComparison(read, op, numbers);

            default:
                var strings = new string[items.Count];
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i].ValueKind != JsonValueKind.String || string.IsNullOrEmpty(items[i].GetString()))
                    {
                        issues.Error("ValueTypeMismatch", valuePath, comparison.Field, Describe(type, op));
                        return null;
                    }

                    strings[i] = items[i].GetString()!;
                    if (type == FactType.Channel && !Channels.All.Contains(strings[i]))
                    {
                        issues.Error("UnknownChannel", valuePath, strings[i], string.Join(", ", Channels.All));
                        return null;
                    }

                    if (comparison.Field == FactFields.Category && !DisputeCategories.All.Contains(strings[i]))
                    {
                        issues.Error("UnknownCategory", valuePath, strings[i]);
                        return null;
                    }
                }

                return type switch
                {
                    FactType.TextSet => new TagsContain(strings, all: true),
                    FactType.Channel => new TextComparison(static f => f.Channel, op, strings),
                    FactType.AreaCode => new TextComparison(static f => f.Location, op, strings),
                    _ => new TextComparison(static f => f.Category, op, strings),
                };
        }
    }

    private static string Describe(FactType type, ComparisonOperator op)
    {
        var element = type switch
        {
            FactType.Number => "number",
            FactType.WholeNumber => "integer",
            _ => "string",
        };
        return op is ComparisonOperator.In or ComparisonOperator.NotIn
            ? string.Create(CultureInfo.InvariantCulture, $"[{element}, ...]")
            : element;
    }
}
