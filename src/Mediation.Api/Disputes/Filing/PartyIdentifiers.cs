using System.Globalization;
using System.Text.RegularExpressions;

namespace Mediation.Api.Disputes.Filing;

/// <summary>Formats of the identifiers a party gives: mainland mobile numbers and resident ID numbers.</summary>
internal static partial class PartyIdentifiers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>A mainland mobile number: 11 digits, <c>1</c> then 3–9.</summary>
    public static bool IsMobile(string phone) => MobilePattern().IsMatch(phone);

    /// <summary>The shape of an 18-character resident ID (居民身份证号码): 17 digits then a digit or X, with a real birth date.</summary>
    public static bool IsIdNumberShape(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        if (!IdPattern().IsMatch(idNumber))
        {
            return false;
        }

        return DateOnly.TryParseExact(idNumber.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            && birth.Year >= 1900;
    }

    /// <summary>GB 11643-1999: the 18th character is the ISO 7064 MOD 11-2 check of the first 17 digits.</summary>
    public static bool HasValidCheckDigit(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        if (idNumber.Length != 18)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (idNumber[i] - '0') * Weights[i];
        }

        return char.ToUpperInvariant(idNumber[17]) == CheckCharacters[sum % 11];
    }

    /// <summary>The ID number as stored: trimmed, check character in upper case.</summary>
    public static string NormaliseIdNumber(string idNumber) => idNumber.Trim().ToUpperInvariant();

    [GeneratedRegex(@"^1[3-9][0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^[0-9]{17}[0-9Xx]$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
