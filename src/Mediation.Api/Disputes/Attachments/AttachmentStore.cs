using System.Security.Cryptography;
using Mediation.Api.Data;

namespace Mediation.Api.Disputes.Attachments;

/// <summary>
/// Evidence files live outside the database, under <c>{DataFolder}/attachments/{disputeId}/{attachmentId}</c>; the
/// database row keeps the name, the sniffed type, the size and the SHA-256 that every download is checked against.
/// </summary>
internal sealed class AttachmentStore(string root)
{
    /// <summary>Largest file accepted.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public string Root { get; } = root;

    public static AttachmentStore For(IHostEnvironment environment, DatabaseOptions options) =>
        new(Path.Combine(PersistenceExtensions.DataFolder(environment, options), "attachments"));

    public static string RelativePath(Guid disputeId, Guid attachmentId) => $"{disputeId:N}/{attachmentId:N}";

    public string FullPath(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        var root = Path.GetFullPath(Root) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException("An attachment path points outside the attachments folder.");
    }

    /// <summary>
    /// Copies <paramref name="content"/> to a temporary file beside its final place, hashing it on the way and
    /// recognising its type. The caller commits it with <see cref="StoredUpload.Commit"/> or discards it.
    /// </summary>
    public async Task<StoredUpload> ReceiveAsync(Stream content, Guid disputeId, Guid attachmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var relative = RelativePath(disputeId, attachmentId);
        var final = FullPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        var temporary = final + ".part";
        var upload = new StoredUpload(relative, final, temporary);
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var header = new byte[FileSniffer.HeaderLength];
            var headerLength = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > MaxBytes)
                    {
                        upload.TooLarge = true;
                        break;
                    }

                    if (headerLength < header.Length)
                    {
                        var take = Math.Min(read, header.Length - headerLength);
                        buffer.AsSpan(0, take).CopyTo(header.AsSpan(headerLength));
                        headerLength += take;
                    }

                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                upload.Size = total;
                if (!upload.TooLarge)
                {
                    await file.FlushAsync(cancellationToken);
                    upload.ContentType = FileSniffer.Sniff(header.AsSpan(0, headerLength), file);
                }
            }

            upload.Sha256 = Convert.ToHexStringLower(sha.GetHashAndReset());
            return upload;
        }
        catch
        {
            upload.Discard();
            throw;
        }
    }

    /// <summary>Opens a stored file after checking it still has the recorded SHA-256; null when it is missing or altered.</summary>
    public async Task<FileStream?> OpenVerifiedAsync(string relativePath, string sha256, CancellationToken cancellationToken)
    {
        var path = FullPath(relativePath);
        if (!File.Exists(path))
        {
            return null;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
            {
                await stream.DisposeAsync();
                return null;
            }

            stream.Position = 0;
            return stream;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }
}

/// <summary>An upload received into a temporary file.</summary>
internal sealed class StoredUpload(string relativePath, string finalPath, string temporaryPath)
{
    public string RelativePath { get; } = relativePath;

    public long Size { get; set; }

    public bool TooLarge { get; set; }

    /// <summary>The sniffed type, or null when the content is not an allowed type.</summary>
    public string? ContentType { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    /// <summary>Moves the file to its final place.</summary>
    public void Commit() => File.Move(temporaryPath, finalPath, overwrite: false);

    /// <summary>Removes whatever was written (the temporary file, or the committed one when the database save failed).</summary>
    public void Discard()
    {
        foreach (var path in new[] { temporaryPath, finalPath })
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Best effort: an orphan file without a row is never served.
            }
        }
    }
}
