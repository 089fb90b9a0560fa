namespace Mediation.Workflows.Runtime;

/// <summary>The facts of a dispute that routing rules and transition conditions may test.</summary>
public sealed record CaseFacts
{
    /// <summary>The dispute's category (see <see cref="DisputeCategories"/>).</summary>
    public required string Category { get; init; }

    /// <summary>The amount claimed, in yuan, when there is one.</summary>
    public decimal? ClaimedAmount { get; init; }

    /// <summary>How many parties there are, applicants and respondents together.</summary>
    public int PartyCount { get; init; } = 2;

    /// <summary>How the dispute arrived (see <see cref="Channels"/>).</summary>
    public string Channel { get; init; } = Channels.Online;

    /// <summary>Free tags set at filing or by staff.</summary>
    public IReadOnlySet<string> Tags { get; init; } = EmptyTags;

    /// <summary>Code of the village or community where the dispute arose; codes nest (district ⊂ township ⊂ village).</summary>
    public required string Location { get; init; }

    /// <summary>When the dispute was filed.</summary>
    public required DateTimeOffset FiledAt { get; init; }

    /// <summary>When the handling organisation received the application, if it differs from filing.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    private static readonly IReadOnlySet<string> EmptyTags = new HashSet<string>();
}

/// <summary>The facts conditions can test, with their types.</summary>
public static class FactFields
{
    /// <summary>Category: a string.</summary>
    public const string Category = "category";

    /// <summary>Claimed amount: a number; comparisons are false when no amount was claimed.</summary>
    public const string ClaimedAmount = "claimedAmount";

    /// <summary>Number of parties: an integer.</summary>
    public const string PartyCount = "partyCount";

    /// <summary>Channel: one of <see cref="Channels.All"/>.</summary>
    public const string Channel = "channel";

    /// <summary>Tags: a set of strings.</summary>
    public const string Tags = "tags";

    /// <summary>Location: an area code; <c>within</c> tests whether it lies inside an area.</summary>
    public const string Location = "location";

    /// <summary>Each field and its type.</summary>
    public static IReadOnlyDictionary<string, FactType> Types { get; } = new Dictionary<string, FactType>(StringComparer.Ordinal)
    {
        [Category] = FactType.Text,
        [ClaimedAmount] = FactType.Number,
        [PartyCount] = FactType.WholeNumber,
        [Channel] = FactType.Channel,
        [Tags] = FactType.TextSet,
        [Location] = FactType.AreaCode,
    };
}

/// <summary>Types of facts.</summary>
public enum FactType
{
    /// <summary>A string compared for equality.</summary>
    Text,

    /// <summary>A decimal number.</summary>
    Number,

    /// <summary>A whole number.</summary>
    WholeNumber,

    /// <summary>One of the known channels.</summary>
    Channel,

    /// <summary>A set of strings.</summary>
    TextSet,

    /// <summary>A hierarchical area code.</summary>
    AreaCode,
}

/// <summary>How disputes arrive.</summary>
public static class Channels
{
    /// <summary>Filed online by a resident.</summary>
    public const string Online = "online";

    /// <summary>A 12345 hotline work order.</summary>
    public const string Hotline = "hotline";

    /// <summary>Filed by a grid worker on behalf of a resident.</summary>
    public const string GridWorker = "gridWorker";

    /// <summary>Filed in person.</summary>
    public const string WalkIn = "walkIn";

    /// <summary>Referred by a court (诉前委派).</summary>
    public const string CourtReferral = "courtReferral";

    /// <summary>Referred by the police.</summary>
    public const string PoliceReferral = "policeReferral";

    /// <summary>Every channel.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Online, Hotline, GridWorker, WalkIn, CourtReferral, PoliceReferral,
    };
}

/// <summary>Dispute categories the shipped workflows know.</summary>
public static class DisputeCategories
{
    /// <summary>Every category, with the workflow family that usually handles it.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "neighbour", "family", "marriage", "inheritance", "debt", "contract", "property", "tort",
        "propertyManagement", "consumer", "trafficAccident", "medical", "labour", "landContract", "other",
    };
}
