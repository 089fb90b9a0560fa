namespace Mediation.Api.Seeding;

/// <summary>
/// The demo city, sized like the Wuhai seed: 3 districts, 20 townships or streets, 83 villages or communities, a
/// medical dispute mediation committee, a labour dispute mediation body and a traffic accident committee serving the
/// whole city. Area codes nest (district 6 digits, township 9, village 12). Names are for demonstration.
/// </summary>
internal static class DemoCity
{
    public const string CityCode = "1503";

    public static readonly IReadOnlyList<DemoDistrict> Districts =
    [
        new("150302", "海勃湾区", "Haibowan District",
        [
            "新华街道", "新华西街道", "海北街道", "凤凰岭街道", "滨河街道", "林荫街道", "卡布其街道", "千里山镇",
        ]),
        new("150303", "海南区", "Hainan District",
        [
            "拉僧仲街道", "西卓子山街道", "公乌素街道", "赛汗乌素街道", "巴音陶亥镇", "东山街道",
        ]),
        new("150304", "乌达区", "Wuda District",
        [
            "三道坎街道", "五虎山街道", "梁家沟街道", "苏海图街道", "新达街道", "乌兰淖尔镇",
        ]),
    ];

    /// <summary>Three townships have five villages or communities, the others four: 83 in all.</summary>
    public static int VillagesIn(int townshipIndex) => townshipIndex < 3 ? 5 : 4;

    public static IEnumerable<DemoOrganisation> Organisations()
    {
        var townshipIndex = 0;
        foreach (var district in Districts)
        {
            yield return new DemoOrganisation(district.Code, district.Name, district.NameEn, DemoKind.District, null);
            for (var t = 0; t < district.Townships.Count; t++, townshipIndex++)
            {
                var townshipCode = $"{district.Code}{t + 1:000}";
                var townshipName = district.Townships[t];
                yield return new DemoOrganisation(townshipCode, townshipName, null, DemoKind.Township, district.Code);
                var isTown = townshipName.EndsWith('镇');
                for (var v = 0; v < VillagesIn(townshipIndex); v++)
                {
                    var villageName = isTown ? $"{townshipName[..^1]}第{v + 1}村" : $"{townshipName[..^2]}第{v + 1}社区";
                    yield return new DemoOrganisation($"{townshipCode}{v + 1:000}", villageName, null, DemoKind.Village, townshipCode);
                }
            }
        }
    }

    public static readonly IReadOnlyList<DemoBody> Bodies =
    [
        new("medical-committee", "MED-1503", "乌海市医疗纠纷人民调解委员会", "Wuhai Medical Dispute People's Mediation Committee", "medical"),
        new("labour-mediation", "LAB-1503", "乌海市劳动人事争议调解中心", "Wuhai Labour Dispute Mediation Centre", "labour"),
        new("traffic-committee", "TRF-1503", "乌海市道路交通事故纠纷人民调解委员会", "Wuhai Road Traffic Accident Mediation Committee", "traffic"),
    ];
}

internal sealed record DemoDistrict(string Code, string Name, string NameEn, IReadOnlyList<string> Townships);

internal sealed record DemoOrganisation(string Code, string Name, string? NameEn, DemoKind Kind, string? ParentCode);

/// <summary>A professional body and the short name of its mediator account (<c>mediator-{Account}</c>).</summary>
internal sealed record DemoBody(string BodyId, string Code, string Name, string NameEn, string Account);

internal enum DemoKind
{
    District,
    Township,
    Village,
}
