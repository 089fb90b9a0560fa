using Microsoft.Extensions.Localization;

namespace Mediation.Api.Disputes.Actions;

/// <summary>Collects what is wrong with an action's body, keyed by camelCase member path, in the caller's language.</summary>
internal sealed class ActionValidation(IStringLocalizer<ApiMessages> text)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Dictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void Add(string path, string key, params object[] arguments)
    {
        if (!_errors.TryGetValue(path, out var messages))
        {
            _errors[path] = messages = [];
        }

        messages.Add(text[key, arguments]);
    }

    /// <summary>A required text: present, not blank, at most <paramref name="maxLength"/> characters. Returns it trimmed.</summary>
    public string Required(string? value, string path, int maxLength = DisputeActionService.MaxReasonLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, "ActionFieldRequired");
            return string.Empty;
        }

        return Limited(value, path, maxLength)!;
    }

    /// <summary>An optional text: at most <paramref name="maxLength"/> characters. Returns it trimmed, or null when blank.</summary>
    public string? Optional(string? value, string path, int maxLength = DisputeActionService.MaxReasonLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Limited(value, path, maxLength);

    private string? Limited(string value, string path, int maxLength)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            Add(path, "ActionTextTooLong", maxLength);
        }

        return trimmed;
    }
}
