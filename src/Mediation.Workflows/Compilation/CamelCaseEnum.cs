namespace Mediation.Workflows.Compilation;

/// <summary>Enum values as definitions write them: camelCase names.</summary>
internal static class CamelCaseEnum<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName = Enum.GetValues<TEnum>()
        .ToDictionary(NameOf, v => v, StringComparer.Ordinal);

    public static string Names => string.Join(", ", ByName.Keys);

    public static bool TryParse(string? name, out TEnum value) => ByName.TryGetValue(name ?? string.Empty, out value);

    public static string NameOf(TEnum value)
    {
        var name = value.ToString();
        return string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);
    }
}
