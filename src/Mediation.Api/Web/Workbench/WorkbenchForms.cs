namespace Mediation.Api.Web.Workbench;

/// <summary>The written agreement form (人民调解法 Art. 29); mapped onto the API's <c>AgreementRequest</c>.</summary>
public sealed class AgreementFormModel
{
    public string? Facts { get; set; }

    public string? MattersInDispute { get; set; }

    public string? Responsibility { get; set; }

    public string? Terms { get; set; }

    public string? Performance { get; set; }

    public DateOnly? PerformBy { get; set; }

    /// <summary>The mediator signs as they record it.</summary>
    public bool MediatorSigned { get; set; }

    /// <summary>The committee's seal is affixed as it is recorded.</summary>
    public bool Sealed { get; set; }
}

/// <summary>The oral agreement form (Art. 28, 30).</summary>
public sealed class OralAgreementFormModel
{
    public string? Content { get; set; }
}

/// <summary>The minutes of a session; the time is China Standard Time, as the mediator's wall clock shows it.</summary>
public sealed class SessionFormModel
{
    public DateTime? HeldAt { get; set; }

    public string? Place { get; set; }

    public string? Attendees { get; set; }

    public string? Discussion { get; set; }

    public string? Result { get; set; }
}
