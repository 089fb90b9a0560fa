using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static Mediation.Api.Tests.Disputes.FilingTestData;

namespace Mediation.Api.Tests.Disputes;

public sealed class AttachmentTests(MediationApiFactory factory) : IClassFixture<MediationApiFactory>
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task A_party_uploads_evidence_and_downloads_it_unchanged()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var id = await FileDisputeAsync(resident);
        var content = Png(4096);

        using var upload = await UploadAsync(resident, id, content, "现场照片.png", "application/octet-stream");
        var view = await upload.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var attachmentId = view.GetProperty("id").GetGuid();
        Assert.Equal($"/api/disputes/{id}/attachments/{attachmentId}", upload.Headers.Location?.OriginalString);
        Assert.Equal("image/png", view.GetProperty("contentType").GetString());
        Assert.Equal("现场照片.png", view.GetProperty("fileName").GetString());
        Assert.Equal(content.Length, view.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), view.GetProperty("sha256").GetString());
        Assert.True(view.GetProperty("uploadedByMe").GetBoolean());

        var stored = Path.Combine(factory.DataFolder, "attachments", id.ToString("N"), attachmentId.ToString("N"));
        Assert.True(File.Exists(stored));

        var list = await GetJsonAsync(resident, $"/api/disputes/{id}/attachments");
        Assert.Equal(attachmentId, Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());

        using var download = await resident.GetAsync($"/api/disputes/{id}/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(content))}:", download.Headers.GetValues("Repr-Digest").Single());
    }

    [Fact]
    public async Task The_handling_mediator_may_upload_and_other_parties_see_it()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var id = await FileDisputeAsync(resident);
        using var mediator = await factory.CreateClientForAsync("mediator-150302001001");

        using var upload = await UploadAsync(mediator, id, Pdf(), "笔录.pdf", "application/pdf");

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var list = await GetJsonAsync(resident, $"/api/disputes/{id}/attachments");
        var item = Assert.Single(list.EnumerateArray());
        Assert.Equal("application/pdf", item.GetProperty("contentType").GetString());
        Assert.False(item.GetProperty("uploadedByMe").GetBoolean());
    }

    [Fact]
    public async Task A_word_document_is_recognised_from_its_package()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var id = await FileDisputeAsync(resident);

        using var upload = await UploadAsync(resident, id, Docx(), "协议草稿.docx", "application/octet-stream");

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contentType").GetString());
    }

    [Theory]
    [InlineData("plain text pretending to be a picture")]
    [InlineData("MZ\u0090\u0000 executable")]
    public async Task A_type_outside_the_allow_list_is_refused_whatever_the_client_claims(string content)
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var id = await FileDisputeAsync(resident);

        using var upload = await UploadAsync(resident, id, Encoding.UTF8.GetBytes(content), "photo.png", "image/png");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, upload.StatusCode);
        Assert.Equal(0, (await GetJsonAsync(resident, $"/api/disputes/{id}/attachments")).GetArrayLength());
        Assert.False(Directory.Exists(Path.Combine(factory.DataFolder, "attachments", id.ToString("N")))
            && Directory.EnumerateFiles(Path.Combine(factory.DataFolder, "attachments", id.ToString("N"))).Any());
    }

    [Fact]
    public async Task A_zip_that_is_not_a_word_document_is_refused()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var id = await FileDisputeAsync(resident);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("not a document");
        }

        using var upload = await UploadAsync(resident, id, buffer.ToArray(), "evidence.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, upload.StatusCode);
    }

    [Fact]
    public async Task A_file_over_10_mb_is_a_413()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var id = await FileDisputeAsync(resident);

        using var upload = await UploadAsync(resident, id, Png((10 * 1024 * 1024) + 1), "big.png", "image/png");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, upload.StatusCode);
        Assert.Equal(0, (await GetJsonAsync(resident, $"/api/disputes/{id}/attachments")).GetArrayLength());
    }

    [Fact]
    public async Task A_request_without_a_file_is_a_400()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var id = await FileDisputeAsync(resident);
        using var form = new MultipartFormDataContent { { new StringContent("x"), "note" } };

        using var response = await resident.PostAsync($"/api/disputes/{id}/attachments", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(Errors(await response.Content.ReadFromJsonAsync<JsonElement>()).ContainsKey("file"));
    }

    [Fact]
    public async Task Only_parties_and_handling_staff_may_upload()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var id = await FileDisputeAsync(resident);
        using var otherResident = await factory.CreateClientForAsync("resident2");
        using var otherVillage = await factory.CreateClientForAsync("mediator-150302001002");
        using var districtAdmin = await factory.CreateClientForAsync("orgadmin-150302");

        using var foreign = await UploadAsync(otherResident, id, Png(100), "a.png", "image/png");
        using var foreignMediator = await UploadAsync(otherVillage, id, Png(100), "a.png", "image/png");
        using var admin = await UploadAsync(districtAdmin, id, Png(100), "a.png", "image/png");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignMediator.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        using var list = await otherResident.GetAsync($"/api/disputes/{id}/attachments");
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(0, (await GetJsonAsync(districtAdmin, $"/api/disputes/{id}/attachments")).GetArrayLength());
    }

    [Fact]
    public async Task A_stored_file_that_no_longer_matches_its_checksum_is_not_served()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var id = await FileDisputeAsync(resident);
        using var upload = await UploadAsync(resident, id, Png(2048), "a.png", "image/png");
        var attachmentId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stored = Path.Combine(factory.DataFolder, "attachments", id.ToString("N"), attachmentId.ToString("N"));
        var bytes = await File.ReadAllBytesAsync(stored);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(stored, bytes);

        using var download = await resident.GetAsync($"/api/disputes/{id}/attachments/{attachmentId}");

        Assert.Equal(HttpStatusCode.InternalServerError, download.StatusCode);
        Assert.Equal("application/problem+json", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_attachments_read_as_not_found()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var id = await FileDisputeAsync(resident);

        using var response = await resident.GetAsync($"/api/disputes/{id}/attachments/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<Guid> FileDisputeAsync(HttpClient client) =>
        (await FileOkAsync(client, Body())).GetProperty("id").GetGuid();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid disputeId, byte[] content, string fileName, string contentType)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/disputes/{disputeId}/attachments", form);
    }

    private static byte[] Png(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        PngHeader.CopyTo(bytes, 0);
        return bytes;
    }

    private static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in new[]
            {
                ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
                ("word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"),
            })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(xml);
            }
        }

        return buffer.ToArray();
    }
}
