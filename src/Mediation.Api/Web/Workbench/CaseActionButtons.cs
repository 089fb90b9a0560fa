namespace Mediation.Api.Web.Workbench;

/// <summary>
/// The buttons of the case page's action panel, from the dispute view's <c>permittedActions</c>: only what the
/// workflow and the rules allow the reader now. Agreements have forms of their own; party-only actions (recusal,
/// rejecting a proposal) never show to staff because the API never permits them to staff.
/// </summary>
public static class CaseActionButtons
{
    public const string ConfirmMediator = "confirm-mediator";
    public const string ConfirmSeal = "confirm-seal";
    public const string Termination = "termination";

    /// <summary>Actions whose reason is required (the API answers 400 without one).</summary>
    public static readonly IReadOnlySet<string> NeedReason = new HashSet<string>(StringComparer.Ordinal)
    {
        "decline", "pause", "flag-risk", "escalate", "fail", Termination, "performance-failed",
    };

    /// <summary>
    /// Actions staff take on a party's behalf or attest from paper (withdrawal, consent, the signed paper agreement):
    /// shown outlined, so the everyday actions stand out and these are not pressed by mistake.
    /// </summary>
    public static readonly IReadOnlySet<string> OnBehalf = new HashSet<string>(StringComparer.Ordinal)
    {
        "consent", "refuse-consent", "agreement-effective", "withdraw",
    };

    /// <summary>Permitted action routes shown as buttons, in this order.</summary>
    private static readonly string[] Order =
    [
        "take-up", "consent", "refuse-consent", "decline", "pause", "resume", "flag-risk", "escalate", "fail",
        "agreement-effective", "follow-up-visit", "performed", "performance-failed", "withdraw",
    ];

    /// <summary>
    /// The buttons to show. <paramref name="awaitingSigners"/> are the open proposal's missing signers (<c>mediator</c>,
    /// <c>seal</c>, party ids): with <c>confirm</c> permitted, the mediator records their own signature and the seal.
    /// A failed mediation is offered as both 调解不成 and 终止调解, the API's two routes of the same event.
    /// </summary>
    public static IReadOnlyList<string> For(IReadOnlyCollection<string> permitted, IReadOnlyCollection<string> awaitingSigners)
    {
        ArgumentNullException.ThrowIfNull(permitted);
        ArgumentNullException.ThrowIfNull(awaitingSigners);
        var buttons = new List<string>();
        foreach (var action in Order.Where(permitted.Contains))
        {
            buttons.Add(action);
            if (action == "fail")
            {
                buttons.Add(Termination);
            }
        }

        if (permitted.Contains("confirm"))
        {
            if (awaitingSigners.Contains("mediator"))
            {
                buttons.Add(ConfirmMediator);
            }

            if (awaitingSigners.Contains("seal"))
            {
                buttons.Add(ConfirmSeal);
            }
        }

        return buttons;
    }
}
