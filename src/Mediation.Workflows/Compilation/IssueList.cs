using Mediation.Workflows.Validation;

namespace Mediation.Workflows.Compilation;

/// <summary>Collects validation issues with messages from the resources.</summary>
internal sealed class IssueList
{
    private readonly List<ValidationIssue> _issues = [];

    public IReadOnlyList<ValidationIssue> Items => _issues;

    public bool HasErrors { get; private set; }

    public void Error(string code, string path, params object?[] args)
    {
        HasErrors = true;
        _issues.Add(new ValidationIssue(code, path, ValidationSeverity.Error, Text.Get(code, args)));
    }

    public void Warning(string code, string path, params object?[] args) =>
        _issues.Add(new ValidationIssue(code, path, ValidationSeverity.Warning, Text.Get(code, args)));
}
