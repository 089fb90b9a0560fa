namespace Mediation.Api.Disputes.Contracts;

/// <summary>A new dispute (纠纷申请). Residents file for themselves online; staff file hotline, grid-worker or walk-in cases for a resident.</summary>
internal sealed class FileDisputeRequest
{
    /// <summary>Category: neighbour, family, marriage, inheritance, debt, contract, property, tort, propertyManagement, consumer, trafficAccident, medical, labour, landContract, other.</summary>
    /// <example>neighbour</example>
    public string? Category { get; init; }

    /// <summary>What happened (at most 4000 characters).</summary>
    /// <example>楼上住户装修噪音持续三个月，多次沟通未果。</example>
    public string? Description { get; init; }

    /// <summary>What the applicant asks for (at most 2000 characters).</summary>
    /// <example>要求对方在工作日 8:00–18:00 以外停止施工，并赔偿损失 2000 元。</example>
    public string? Request { get; init; }

    /// <summary>Code of the village or community where the dispute arose (12 digits).</summary>
    /// <example>150302001001</example>
    public string? LocationCode { get; init; }

    /// <summary>The applicant. For a resident filing for themselves, their own details (linked to their account).</summary>
    public PartyInput? Applicant { get; init; }

    /// <summary>The other side: at least one.</summary>
    public IReadOnlyList<PartyInput>? Respondents { get; init; }

    /// <summary>Amount claimed in yuan, if any.</summary>
    /// <example>2000</example>
    public decimal? ClaimedAmount { get; init; }

    /// <summary>How it arrived. Residents: online only (the default); staff: online, hotline, gridWorker, walkIn, courtReferral or policeReferral.</summary>
    /// <example>online</example>
    public string? Channel { get; init; }

    /// <summary>Free tags (at most 10, each at most 32 characters).</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Ask for closed mediation (不公开调解). Medical disputes are always closed.</summary>
    /// <example>false</example>
    public bool? ClosedMediation { get; init; }

    /// <summary>Staff only: when the application was received, if before filing (劳动争议调解仲裁法 Art. 14 counts from receipt).</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>The applicant has read the notice of the parties' rights and duties (当事人权利义务告知书); must be true.</summary>
    /// <example>true</example>
    public bool? ConsentToNotice { get; init; }
}

/// <summary>A party as given at filing.</summary>
internal sealed class PartyInput
{
    /// <summary>Name of the person or organisation.</summary>
    /// <example>王芳</example>
    public string? Name { get; init; }

    /// <summary>Mainland mobile number, 11 digits starting 13–19.</summary>
    /// <example>13812345678</example>
    public string? Phone { get; init; }

    /// <summary>18-character resident ID number (GB 11643, check digit verified).</summary>
    /// <example>11010519491231002X</example>
    public string? IdNumber { get; init; }

    /// <summary>Address.</summary>
    /// <example>海勃湾区新华街道第1社区 3 号楼 502</example>
    public string? Address { get; init; }
}
