using System.IO.Compression;
using System.Text;

namespace Mediation.Api.Disputes.Attachments;

/// <summary>
/// Recognises the allowed evidence types from their first bytes (and, for DOCX, the package's main part), never from
/// what the client claims: PDF, JPEG, PNG, HEIC, MP3, M4A and DOCX.
/// </summary>
internal static class FileSniffer
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Heic = "image/heic";
    public const string Mp3 = "audio/mpeg";
    public const string M4a = "audio/mp4";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeaderLength = 16;

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly HashSet<string> HeicBrands = new(StringComparer.Ordinal) { "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1" };
    private static readonly HashSet<string> M4aBrands = new(StringComparer.Ordinal) { "M4A ", "M4B " };

    /// <summary>The type of the file whose first bytes are <paramref name="header"/>, or null when it is not allowed.</summary>
    /// <param name="header">At least the first <see cref="HeaderLength"/> bytes (fewer for a shorter file).</param>
    /// <param name="file">The whole file, seekable, for checks that need more than the header (DOCX).</param>
    public static string? Sniff(ReadOnlySpan<byte> header, Stream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (header.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (header.StartsWith(JpegMagic))
        {
            return Jpeg;
        }

        if (header.StartsWith(PngMagic))
        {
            return Png;
        }

        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(header[8..12]);
            return HeicBrands.Contains(brand) ? Heic : M4aBrands.Contains(brand) ? M4a : null;
        }

        if (header.StartsWith("ID3"u8) || (header.Length >= 2 && header[0] == 0xFF && (header[1] & 0xE6) is 0xE2 or 0xE4 or 0xE6))
        {
            // An ID3 tag, or an MPEG audio frame sync with a valid layer.
            return Mp3;
        }

        if (header.StartsWith("PK\u0003\u0004"u8) && IsWordDocument(file))
        {
            return Docx;
        }

        return null;
    }

    private static bool IsWordDocument(Stream file)
    {
        try
        {
            file.Position = 0;
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("word/document.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>The usual extension of <paramref name="contentType"/>.</summary>
    public static string ExtensionOf(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Jpeg => ".jpg",
        Png => ".png",
        Heic => ".heic",
        Mp3 => ".mp3",
        M4a => ".m4a",
        Docx => ".docx",
        _ => string.Empty,
    };
}
