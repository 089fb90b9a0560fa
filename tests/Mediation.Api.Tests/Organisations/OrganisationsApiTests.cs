using System.Net;
using System.Text.Json;
using static Mediation.Api.Tests.Organisations.OrganisationTestSupport;

namespace Mediation.Api.Tests.Organisations;

public sealed class OrganisationsApiTests(MediationApiFactory factory) : IClassFixture<MediationApiFactory>
{
    [Fact]
    public async Task Tree_AsResident_NestsTheDemoCityAndListsBodiesApart()
    {
        var resident = await factory.CreateClientForAsync("resident1");

        var tree = await ExpectAsync(HttpStatusCode.OK, resident, HttpMethod.Get, "/api/organisations");

        var districts = tree.GetProperty("organisations").EnumerateArray().ToList();
        Assert.Equal(["150302", "150303", "150304"], districts.Select(d => d.GetProperty("code").GetString()).Take(3));
        var townships = districts.SelectMany(d => d.GetProperty("children").EnumerateArray()).ToList();
        Assert.True(townships.Count >= 20);
        Assert.All(townships, t => Assert.Equal("township", t.GetProperty("kind").GetString()));
        var villages = townships.SelectMany(t => t.GetProperty("children").EnumerateArray()).ToList();
        Assert.True(villages.Count >= 83);
        Assert.All(villages, v => Assert.Equal(12, v.GetProperty("code").GetString()!.Length));
        var bodies = tree.GetProperty("professionalBodies").EnumerateArray().ToList();
        var medical = bodies.Single(b => b.GetProperty("code").GetString() == "MED-1503");
        Assert.Equal("medical-committee", medical.GetProperty("bodyId").GetString());
        Assert.Equal("1503", medical.GetProperty("servesAreaCode").GetString());
    }

    [Fact]
    public async Task Tree_Always_HoldsNoPersonalData()
    {
        var resident = await factory.CreateClientForAsync("resident2");

        using var response = await resident.GetAsync("/api/organisations");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("调解员", json, StringComparison.Ordinal);
        Assert.DoesNotContain("mediator-", json, StringComparison.Ordinal);
        Assert.DoesNotContain("userName", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("phone", json, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("township", 20, 0)]
    [InlineData("District", 3, 0)]
    [InlineData("professionalBody", 0, 3)]
    public async Task Tree_KindFilter_ListsThatKindOnly(string kind, int minimumOrganisations, int minimumBodies)
    {
        var client = await factory.CreateClientForAsync("mediator-150303001001");

        var tree = await ExpectAsync(HttpStatusCode.OK, client, HttpMethod.Get, $"/api/organisations?kind={kind}");

        var organisations = tree.GetProperty("organisations").EnumerateArray().ToList();
        Assert.True(organisations.Count >= minimumOrganisations);
        Assert.All(organisations, o => Assert.Equal(kind, o.GetProperty("kind").GetString(), ignoreCase: true));
        Assert.All(organisations, o => Assert.Equal(0, o.GetProperty("children").GetArrayLength()));
        Assert.True(tree.GetProperty("professionalBodies").GetArrayLength() >= minimumBodies);
        if (minimumBodies == 0)
        {
            Assert.Equal(0, tree.GetProperty("professionalBodies").GetArrayLength());
        }
    }

    [Theory]
    [InlineData("en", "'planet' is not valid; use one of: district, township, village, professionalBody.")]
    [InlineData("zh-CN", "“planet”无效，可选值：district, township, village, professionalBody。")]
    public async Task Tree_UnknownKind_Returns400FieldErrorInTheCallersLanguage(string language, string expected)
    {
        var client = await factory.CreateClientForAsync("resident1");

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, client, HttpMethod.Get, "/api/organisations?kind=planet", language: language);

        Assert.Equal(expected, FieldError(problem, "kind"));
    }

    [Fact]
    public async Task Tree_Anonymous_Returns401()
    {
        using var response = await factory.CreateClient().GetAsync("/api/organisations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_Village_ReturnsItsPathAndNoChildren()
    {
        var client = await factory.CreateClientForAsync("resident1");
        var id = await OrganisationIdAsync(factory, "150302002003");

        var village = await ExpectAsync(HttpStatusCode.OK, client, HttpMethod.Get, $"/api/organisations/{id}");

        Assert.Equal("village", village.GetProperty("kind").GetString());
        Assert.Equal(["150302", "150302002"], village.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.Equal(0, village.GetProperty("children").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/organisations/6b0c7d4e-0000-4000-8000-000000000001")]
    [InlineData("/api/organisations/not-a-guid")]
    [InlineData("/api/organisations/6b0c7d4e-0000-4000-8000-000000000001/mediators")]
    public async Task Get_UnknownOrMalformedId_Returns404Problem(string url)
    {
        var client = await factory.CreateClientForAsync("resident1");

        await ExpectProblemAsync(HttpStatusCode.NotFound, client, HttpMethod.Get, url);
    }

    [Fact]
    public async Task Create_VillageUnderOwnTownship_Returns201AndAppearsInTheTree()
    {
        var admin = await factory.CreateClientForAsync("orgadmin-150302");
        var township = await OrganisationIdAsync(factory, "150302003");

        using var response = await SendAsync(admin, HttpMethod.Post, "/api/organisations",
            new { kind = "village", parentId = township, code = "150302003101", name = "凤凰岭第101社区", nameEn = "Fenghuangling Community 101", autoAssign = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/organisations/{id}", response.Headers.Location?.OriginalString);
        Assert.True(created.GetProperty("autoAssign").GetBoolean());
        Assert.Equal(["150302", "150302003"], created.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        var resident = await factory.CreateClientForAsync("resident1");
        var detail = await ExpectAsync(HttpStatusCode.OK, resident, HttpMethod.Get, $"/api/organisations/{township}");
        Assert.Contains(detail.GetProperty("children").EnumerateArray(), c => c.GetProperty("code").GetString() == "150302003101");
    }

    [Theory]
    [InlineData("en", "150399001777", "The code must be the parent's code '150302003' followed by 3 digits.")]
    [InlineData("zh-CN", "150399001777", "代码须为上级组织代码“150302003”后加 3 位数字。")]
    [InlineData("en", "15030200310", "The code must be 12 digits.")]
    [InlineData("en", "15030200310x", "The code must be 12 digits.")]
    [InlineData("en", "150302003000", "The last 3 digits of the code cannot be 000.")]
    public async Task Create_CodeNotExtendingTheParent_Returns400OnCode(string language, string code, string expected)
    {
        var admin = await factory.CreateClientForAsync("admin");
        var township = await OrganisationIdAsync(factory, "150302003");

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, admin, HttpMethod.Post, "/api/organisations",
            new { kind = "village", parentId = township, code, name = "某社区" }, language);

        Assert.Equal(expected, FieldError(problem, "code"));
    }

    [Theory]
    [InlineData("150302", "village", "150302777777", "en", "Under a district only a township or street can be created.")]
    [InlineData("150302001001", "village", "150302001777", "zh-CN", "村（社区）之下不能再设立下级组织。")]
    [InlineData("150302001", "township", "150302777", "en", "Under a township or street only a village or community can be created.")]
    public async Task Create_KindNotOneLevelBelowTheParent_Returns400OnParent(string parentCode, string kind, string code, string language, string expected)
    {
        var admin = await factory.CreateClientForAsync("orgadmin-150302");
        var parent = await OrganisationIdAsync(factory, parentCode);

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, admin, HttpMethod.Post, "/api/organisations",
            new { kind, parentId = parent, code, name = "某组织" }, language);

        Assert.Equal(expected, FieldError(problem, "parentId"));
    }

    [Fact]
    public async Task Create_UnderAnotherDistrict_Returns403Problem()
    {
        var admin = await factory.CreateClientForAsync("orgadmin-150302");
        var township = await OrganisationIdAsync(factory, "150303001");

        var problem = await ExpectProblemAsync(HttpStatusCode.Forbidden, admin, HttpMethod.Post, "/api/organisations",
            new { kind = "village", parentId = township, code = "150303001101", name = "别区社区" }, "en");

        Assert.Equal("You can only administer organisations and mediators within Haibowan District (150302).", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Create_District_OnlyBySystemAdmin()
    {
        var body = new { kind = "district", code = "150305", name = "新区", nameEn = "New District" };

        await ExpectProblemAsync(HttpStatusCode.Forbidden, await factory.CreateClientForAsync("orgadmin-150302"), HttpMethod.Post, "/api/organisations", body);
        var created = await ExpectAsync(HttpStatusCode.Created, await factory.CreateClientForAsync("admin"), HttpMethod.Post, "/api/organisations", body);

        Assert.Equal("district", created.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("parentId").ValueKind);
    }

    [Fact]
    public async Task Create_ProfessionalBody_ServesAnAreaWithinTheAdminsDistrict()
    {
        var admin = await factory.CreateClientForAsync("orgadmin-150303");

        await ExpectProblemAsync(HttpStatusCode.Forbidden, admin, HttpMethod.Post, "/api/organisations",
            new { kind = "professionalBody", code = "TRF-150302", name = "海勃湾区交调委", bodyId = "traffic-committee", servesAreaCode = "150302" });
        var created = await ExpectAsync(HttpStatusCode.Created, admin, HttpMethod.Post, "/api/organisations",
            new { kind = "professionalBody", code = "TRF-150303", name = "海南区道路交通事故纠纷人民调解委员会", bodyId = "traffic-committee", servesAreaCode = "150303" });

        Assert.Equal("professionalBody", created.GetProperty("kind").GetString());
        var tree = await ExpectAsync(HttpStatusCode.OK, admin, HttpMethod.Get, "/api/organisations?kind=professionalBody");
        var body = tree.GetProperty("professionalBodies").EnumerateArray().Single(b => b.GetProperty("code").GetString() == "TRF-150303");
        Assert.Equal("海南区", body.GetProperty("servesAreaName").GetString());
        await ExpectAsync(HttpStatusCode.OK, admin, HttpMethod.Post, $"/api/organisations/{created.GetProperty("id").GetGuid()}/deactivate");
    }

    [Fact]
    public async Task Create_ProfessionalBodyWithBadFields_Returns400PerField()
    {
        var admin = await factory.CreateClientForAsync("admin");

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, admin, HttpMethod.Post, "/api/organisations",
            new { kind = "professionalBody", code = "150399", name = "某委员会", bodyId = "astrology", servesAreaCode = "15030" }, "en");

        Assert.Contains("at least one letter", FieldError(problem, "code"), StringComparison.Ordinal);
        Assert.Contains("Unknown professional body 'astrology'", FieldError(problem, "bodyId"), StringComparison.Ordinal);
        Assert.Equal("The served area must be an area code of 2, 4, 6, 9 or 12 digits.", FieldError(problem, "servesAreaCode"));
    }

    [Fact]
    public async Task Create_ProfessionalBodyForAnAreaNotInTheTree_Returns400()
    {
        var admin = await factory.CreateClientForAsync("admin");

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, admin, HttpMethod.Post, "/api/organisations",
            new { kind = "professionalBody", code = "MED-4401", name = "广州医调委", bodyId = "medical-committee", servesAreaCode = "4401" }, "en");

        Assert.Equal("The area code '4401' is not in the organisation tree.", FieldError(problem, "servesAreaCode"));
    }

    [Theory]
    [InlineData("{\"kind\": \"village\", \"name\": ", "name")]
    [InlineData("{\"kind\": \"village\" \"name\": \"x\"}", "$")]
    [InlineData("not json at all", "$")]
    [InlineData("{\"kind\": \"village\", \"name\": \"x\", \"autoAssign\": \"yes\"}", "autoAssign")]
    [InlineData("{\"kind\": \"village\", \"parentId\": 42}", "parentId")]
    [InlineData("{\"kind\": 3}", "kind")]
    [InlineData("[]", "$")]
    [InlineData("null", "$")]
    public async Task Create_MalformedJsonOrWrongTypes_Returns400WithTheField(string json, string field)
    {
        var admin = await factory.CreateClientForAsync("admin");

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, admin, HttpMethod.Post, "/api/organisations", json, "en");

        Assert.False(string.IsNullOrEmpty(FieldError(problem, field)));
    }

    [Fact]
    public async Task Create_UnknownKindAndMissingFields_Returns400ForEachField()
    {
        var admin = await factory.CreateClientForAsync("admin");

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, admin, HttpMethod.Post, "/api/organisations", new { kind = "hamlet" }, "zh-CN");

        Assert.Contains("“hamlet”无效", FieldError(problem, "kind"), StringComparison.Ordinal);
        Assert.Equal("必须填写。", FieldError(problem, "name"));
        Assert.Equal("必须填写。", FieldError(problem, "code"));
        Assert.Equal("组织信息有错误，请按字段修改。", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Create_NotJson_Returns415()
    {
        var admin = await factory.CreateClientForAsync("admin");
        using var content = new StringContent("kind=village", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await admin.PostAsync("/api/organisations", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Create_UnknownParent_Returns404NamingTheField()
    {
        var admin = await factory.CreateClientForAsync("admin");

        var problem = await ExpectProblemAsync(HttpStatusCode.NotFound, admin, HttpMethod.Post, "/api/organisations",
            new { kind = "village", parentId = Guid.NewGuid(), code = "150302003102", name = "某社区" });

        Assert.Contains("找不到上级组织", FieldError(problem, "parentId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DuplicateCode_Returns400OnCode()
    {
        var admin = await factory.CreateClientForAsync("admin");
        var township = await OrganisationIdAsync(factory, "150302001");

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, admin, HttpMethod.Post, "/api/organisations",
            new { kind = "village", parentId = township, code = "150302001002", name = "重复社区" }, "en");

        Assert.Equal("The code '150302001002' is already in use.", FieldError(problem, "code"));
    }

    [Fact]
    public async Task Create_AsResidentOrMediator_Returns403Problem()
    {
        var body = new { kind = "village", code = "150302001103", name = "x" };

        await ExpectProblemAsync(HttpStatusCode.Forbidden, await factory.CreateClientForAsync("resident1"), HttpMethod.Post, "/api/organisations", body);
        await ExpectProblemAsync(HttpStatusCode.Forbidden, await factory.CreateClientForAsync("mediator-150302001001"), HttpMethod.Post, "/api/organisations", body);
    }

    [Fact]
    public async Task Update_WithinSubtree_ReplacesTheFields()
    {
        var admin = await factory.CreateClientForAsync("orgadmin-150304");
        var id = await OrganisationIdAsync(factory, "150304002001");

        var updated = await ExpectAsync(HttpStatusCode.OK, admin, HttpMethod.Put, $"/api/organisations/{id}",
            new { name = "五虎山第1社区（新）", nameEn = "Wuhushan Community 1", autoAssign = true, active = true });

        Assert.Equal("五虎山第1社区（新）", updated.GetProperty("name").GetString());
        Assert.Equal("Wuhushan Community 1", updated.GetProperty("nameEn").GetString());
        Assert.True(updated.GetProperty("autoAssign").GetBoolean());
        Assert.Equal("150304002001", updated.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Update_OutsideSubtree_Returns403_AndSystemAdminMayUpdateAnywhere()
    {
        var id = await OrganisationIdAsync(factory, "150303002");
        var body = new { name = "西卓子山街道", autoAssign = false, active = true };

        var problem = await ExpectProblemAsync(HttpStatusCode.Forbidden, await factory.CreateClientForAsync("orgadmin-150304"), HttpMethod.Put, $"/api/organisations/{id}", body, "zh-CN");
        await ExpectAsync(HttpStatusCode.OK, await factory.CreateClientForAsync("admin"), HttpMethod.Put, $"/api/organisations/{id}", body);

        Assert.Equal("您只能管理“乌达区”（150304）辖区内的组织和调解员。", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Update_MissingFields_Returns400PerField()
    {
        var admin = await factory.CreateClientForAsync("admin");
        var id = await OrganisationIdAsync(factory, "150304001");

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, admin, HttpMethod.Put, $"/api/organisations/{id}", new { name = " " }, "en");

        Assert.Equal("This field is required.", FieldError(problem, "name"));
        Assert.Equal("This field is required.", FieldError(problem, "autoAssign"));
        Assert.Equal("This field is required.", FieldError(problem, "active"));
    }

    [Fact]
    public async Task Update_UnknownId_Returns404()
    {
        var admin = await factory.CreateClientForAsync("admin");

        await ExpectProblemAsync(HttpStatusCode.NotFound, admin, HttpMethod.Put, $"/api/organisations/{Guid.NewGuid()}", new { name = "x", autoAssign = false, active = true });
    }

    [Theory]
    [InlineData("en", "still has 1 open dispute(s) assigned and cannot be deactivated")]
    [InlineData("zh-CN", "还有 1 件未结纠纷，不能停用")]
    public async Task Deactivate_WithOpenDisputesAssigned_Returns409Explaining(string language, string expected)
    {
        var admin = await factory.CreateClientForAsync("admin");
        var township = await OrganisationIdAsync(factory, "150304003");
        var code = language == "en" ? "150304003201" : "150304003202";
        var village = (await ExpectAsync(HttpStatusCode.Created, admin, HttpMethod.Post, "/api/organisations",
            new { kind = "village", parentId = township, code, name = $"梁家沟第{code[^3..]}社区" })).GetProperty("id").GetGuid();
        await FileDisputeAsync(await factory.CreateClientForAsync("resident2"), code);

        var problem = await ExpectProblemAsync(HttpStatusCode.Conflict, admin, HttpMethod.Post, $"/api/organisations/{village}/deactivate", language: language);
        var viaPut = await ExpectProblemAsync(HttpStatusCode.Conflict, admin, HttpMethod.Put, $"/api/organisations/{village}",
            new { name = "x", autoAssign = false, active = false }, language);

        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, problem.GetProperty("openDisputes").GetInt32());
        Assert.Contains(expected, viaPut.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var still = await ExpectAsync(HttpStatusCode.OK, admin, HttpMethod.Get, $"/api/organisations/{village}");
        Assert.True(still.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Deactivate_WithoutOpenDisputes_DeactivatesAndIsIdempotent()
    {
        var admin = await factory.CreateClientForAsync("orgadmin-150304");
        var id = await OrganisationIdAsync(factory, "150304004004");

        var first = await ExpectAsync(HttpStatusCode.OK, admin, HttpMethod.Post, $"/api/organisations/{id}/deactivate");
        var second = await ExpectAsync(HttpStatusCode.OK, admin, HttpMethod.Post, $"/api/organisations/{id}/deactivate");

        Assert.False(first.GetProperty("active").GetBoolean());
        Assert.False(second.GetProperty("active").GetBoolean());
        var reactivated = await ExpectAsync(HttpStatusCode.OK, admin, HttpMethod.Put, $"/api/organisations/{id}",
            new { name = first.GetProperty("name").GetString(), autoAssign = false, active = true });
        Assert.True(reactivated.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Deactivate_AsMediatorOrOtherDistrictsAdmin_Returns403()
    {
        var id = await OrganisationIdAsync(factory, "150302001001");

        await ExpectProblemAsync(HttpStatusCode.Forbidden, await factory.CreateClientForAsync("mediator-150302001001"), HttpMethod.Post, $"/api/organisations/{id}/deactivate");
        await ExpectProblemAsync(HttpStatusCode.Forbidden, await factory.CreateClientForAsync("orgadmin-150303"), HttpMethod.Post, $"/api/organisations/{id}/deactivate");
    }
}
