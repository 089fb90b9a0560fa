using System.Globalization;
using System.Resources;
using Mediation.Workflows.Definitions;

[assembly: NeutralResourcesLanguage("zh-CN")]

namespace Mediation.Workflows;

/// <summary>Messages from <c>Resources/Messages.resx</c> (zh-CN) and <c>Messages.en.resx</c>, in both languages.</summary>
internal static class Text
{
    private static readonly ResourceManager Resources = new("Mediation.Workflows.Resources.Messages", typeof(Text).Assembly);
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static LocalizedText Get(string key, params object?[] args) =>
        new(Format(key, Chinese, args), Format(key, English, args));

    private static string Format(string key, CultureInfo culture, object?[] args)
    {
        var template = Resources.GetString(key, culture)
            ?? throw new InvalidOperationException($"Message '{key}' is missing from the resources.");
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }

    /// <summary>Every message key, so a test can check both languages have each.</summary>
    public static IEnumerable<string> Keys()
    {
        var set = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)
            ?? throw new InvalidOperationException("The neutral resources are missing.");
        foreach (System.Collections.DictionaryEntry entry in set)
        {
            yield return (string)entry.Key;
        }
    }
}
