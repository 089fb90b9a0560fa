using Mediation.Workflows.Runtime;

namespace Mediation.Workflows.Compilation;

/// <summary>A checked condition, ready to evaluate against a dispute's facts without allocating.</summary>
internal abstract class CompiledCondition
{
    public abstract bool Evaluate(CaseFacts facts);
}

internal sealed class AllOf(CompiledCondition[] conditions) : CompiledCondition
{
    public override bool Evaluate(CaseFacts facts)
    {
        foreach (var condition in conditions)
        {
            if (!condition.Evaluate(facts))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed class AnyOf(CompiledCondition[] conditions) : CompiledCondition
{
    public override bool Evaluate(CaseFacts facts)
    {
        foreach (var condition in conditions)
        {
            if (condition.Evaluate(facts))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class NotOf(CompiledCondition inner) : CompiledCondition
{
    public override bool Evaluate(CaseFacts facts) => !inner.Evaluate(facts);
}

internal enum ComparisonOperator
{
    Eq,
    Ne,
    Gt,
    Gte,
    Lt,
    Lte,
    In,
    NotIn,
    Contains,
    Within,
}

/// <summary>Numeric comparison; false whenever the fact has no value (no amount claimed).</summary>
internal sealed class NumberComparison(Func<CaseFacts, decimal?> read, ComparisonOperator op, decimal[] values) : CompiledCondition
{
    public override bool Evaluate(CaseFacts facts)
    {
        if (read(facts) is not { } actual)
        {
            return false;
        }

        return op switch
        {
            ComparisonOperator.Eq => actual == values[0],
            ComparisonOperator.Ne => actual != values[0],
            ComparisonOperator.Gt => actual > values[0],
            ComparisonOperator.Gte => actual >= values[0],
            ComparisonOperator.Lt => actual < values[0],
            ComparisonOperator.Lte => actual <= values[0],
            ComparisonOperator.In => Array.IndexOf(values, actual) >= 0,
            ComparisonOperator.NotIn => Array.IndexOf(values, actual) < 0,
            _ => false,
        };
    }
}

internal sealed class TextComparison(Func<CaseFacts, string> read, ComparisonOperator op, string[] values) : CompiledCondition
{
    public override bool Evaluate(CaseFacts facts)
    {
        var actual = read(facts);
        return op switch
        {
            ComparisonOperator.Eq => string.Equals(actual, values[0], System.StringComparison.Ordinal),
            ComparisonOperator.Ne => !string.Equals(actual, values[0], System.StringComparison.Ordinal),
            ComparisonOperator.In => Array.IndexOf(values, actual) >= 0,
            ComparisonOperator.NotIn => Array.IndexOf(values, actual) < 0,
            ComparisonOperator.Within => IsWithin(actual, values),
            _ => false,
        };
    }

    /// <summary>Area codes nest: a village's code starts with its township's, which starts with its district's.</summary>
    private static bool IsWithin(string location, string[] areas)
    {
        foreach (var area in areas)
        {
            if (location.StartsWith(area, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class TagsContain(string[] tags, bool all) : CompiledCondition
{
    public override bool Evaluate(CaseFacts facts)
    {
        foreach (var tag in tags)
        {
            var present = facts.Tags.Contains(tag);
            if (all && !present)
            {
                return false;
            }

            if (!all && present)
            {
                return true;
            }
        }

        return all;
    }
}
