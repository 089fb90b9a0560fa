namespace Mediation.Api.Disputes.Contracts;

/// <summary>Masks personal data for views (个人信息保护法 Art. 6, 51): only what a reader needs to recognise the value.</summary>
internal static class PersonalData
{
    /// <summary>An 11-digit mobile as <c>138****5678</c>; other numbers keep their first 3 and last 4 characters.</summary>
    public static string? MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return phone;
        }

        return phone.Length <= 7 ? new string('*', phone.Length) : string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4));
    }

    /// <summary>An 18-character resident ID as <c>150302********1234</c> (area code and last four kept).</summary>
    public static string? MaskIdNumber(string? idNumber)
    {
        if (string.IsNullOrEmpty(idNumber))
        {
            return idNumber;
        }

        return idNumber.Length <= 10 ? new string('*', idNumber.Length) : string.Concat(idNumber.AsSpan(0, 6), new string('*', idNumber.Length - 10), idNumber.AsSpan(idNumber.Length - 4));
    }
}
