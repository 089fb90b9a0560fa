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

    /// <summary>
    /// The message <paramref name="key"/> in both languages, its placeholders filled with <paramref name="args"/>
    /// formatted for each language's culture; a <see cref="LocalizedText"/> argument gives each language its own text.
    /// </summary>
    public static LocalizedText Get(string key, params object?[] args) =>
        new(Format(key, Chinese, args), Format(key, English, args));

    /// <summary><paramref name="items"/> as each language lists them: 甲、乙 in Chinese, a, b in English.</summary>
    public static LocalizedText List(IEnumerable<string> items)
    {
        var list = items as IReadOnlyCollection<string> ?? [.. items];
        return new(string.Join("、", list), string.Join(", ", list));
    }

    private static string Format(string key, CultureInfo culture, object?[] args)
    {
        var template = Resources.GetString(key, culture)
            ?? throw new InvalidOperationException($"Message '{key}' is missing from the resources.");
        if (args.Length == 0)
        {
            return template;
        }

        var values = new object?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            values[i] = args[i] is LocalizedText text ? text.For(culture) : args[i];
        }

        return string.Format(culture, template, values);
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
