namespace Mediation.Api.Disputes.Contracts;

/// <summary>An evidence file attached to a dispute.</summary>
/// <param name="Id">The attachment's id.</param>
/// <param name="FileName">The name it was uploaded with.</param>
/// <param name="ContentType">The type recognised from its content (not the one the client claimed).</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the content, lower-case hex; downloads are verified against it.</param>
/// <param name="UploadedAt">When it was uploaded.</param>
/// <param name="UploadedByMe">True when the caller uploaded it.</param>
internal sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, bool UploadedByMe);

/// <summary>The multipart form of an upload.</summary>
internal sealed class AttachmentUploadForm
{
    /// <summary>The file: PDF, JPEG, PNG, HEIC, MP3, M4A or DOCX, at most 10 MB.</summary>
    public IFormFile? File { get; init; }
}
