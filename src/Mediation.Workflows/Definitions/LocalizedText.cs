using System.Globalization;
using System.Text.Json.Serialization;

namespace Mediation.Workflows.Definitions;

/// <summary>Text in Chinese (the default) and English, as definitions and messages carry it.</summary>
/// <param name="ZhCn">Simplified Chinese text.</param>
/// <param name="En">English text.</param>
public sealed record LocalizedText(
    [property: JsonPropertyName("zh-CN")] string ZhCn,
    [property: JsonPropertyName("en")] string En)
{
    /// <summary>The text for <paramref name="culture"/>: English for any English culture, Chinese otherwise.</summary>
    public string For(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "en" ? En : ZhCn;
    }

    /// <inheritdoc />
    public override string ToString() => ZhCn;
}
