using Mediation.Workflows.Definitions;

namespace Mediation.Workflows.Validation;

/// <summary>A problem with a definition, at a JSON path, with a stable code and a message in zh-CN and en.</summary>
/// <param name="Code">Stable code, for example <c>UnknownStep</c>.</param>
/// <param name="Path">JSON path of the offending value, for example <c>$.steps[1].on[0].to</c>.</param>
/// <param name="Severity">Errors block publishing; warnings do not.</param>
/// <param name="Message">The explanation.</param>
public sealed record ValidationIssue(string Code, string Path, ValidationSeverity Severity, LocalizedText Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Severity} {Code} at {Path}: {Message.En}";
}

/// <summary>How serious an issue is.</summary>
public enum ValidationSeverity
{
    /// <summary>The definition cannot be published or run.</summary>
    Error,

    /// <summary>Worth a look; does not block publishing.</summary>
    Warning,
}

/// <summary>Thrown when a definition with errors is compiled.</summary>
public sealed class WorkflowDefinitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkflowDefinitionException(IReadOnlyList<ValidationIssue> issues)
        : base("The workflow definition is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, issues))
    {
        Issues = issues;
    }

    /// <summary>Creates the exception.</summary>
    public WorkflowDefinitionException() : this([])
    {
    }

    /// <summary>Creates the exception.</summary>
    public WorkflowDefinitionException(string message) : base(message)
    {
        Issues = [];
    }

    /// <summary>Creates the exception.</summary>
    public WorkflowDefinitionException(string message, Exception innerException) : base(message, innerException)
    {
        Issues = [];
    }

    /// <summary>The issues.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }
}
