using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Mediation.Workflows.Runtime;

namespace Mediation.Api.Notifications;

/// <summary>
/// The notification templates: the shipped zh-CN default for every template the engine and the host ask for, the
/// placeholders a text may use, checking an administrator's text, and rendering.
/// </summary>
internal static class NotificationTexts
{
    /// <summary>A party rejected a written agreement proposal (written by the host, not the engine).</summary>
    public const string AgreementRejected = "agreement.rejected";

    /// <summary>Hotline callbacks: the work order was registered, taken up, moved to another tier, given to another organisation of the same tier, closed.</summary>
    public const string HotlineReceived = "hotline.received";

    public const string HotlineAccepted = "hotline.accepted";

    public const string HotlineTierChanged = "hotline.tierChanged";

    public const string HotlineReassigned = "hotline.reassigned";

    public const string HotlineClosed = "hotline.closed";

    public const int MaxLength = 500;

    /// <summary>The placeholders, each with what it stands for (zh-CN / en).</summary>
    public static readonly FrozenDictionary<string, string> Placeholders = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["reference"] = "案件编号 / case reference",
        ["organisation"] = "承办组织 / handling organisation",
        ["mediator"] = "调解员 / mediator",
        ["deadline"] = "期限（北京时间）/ deadline, Beijing time",
        ["remedies"] = "其他救济途径 / other remedies",
        ["orderNumber"] = "12345 工单号 / hotline work-order number",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The shipped texts, one per template key.</summary>
    public static readonly FrozenDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [NotificationTemplates.CaseQueued] = "【纠纷调解】纠纷{reference}已分派至{organisation}，受理期限至{deadline}。",
        [NotificationTemplates.ConsentRequested] = "【纠纷调解】对方就纠纷{reference}申请人民调解，请于{deadline}前登录平台表示是否同意调解。",
        [NotificationTemplates.CaseAccepted] = "【纠纷调解】您的纠纷{reference}已由{organisation}调解员{mediator}受理。",
        [NotificationTemplates.CaseEscalated] = "【纠纷调解】纠纷{reference}已转至{organisation}办理。",
        [NotificationTemplates.CaseReassigned] = "【纠纷调解】纠纷{reference}已改由{organisation}办理。",
        [NotificationTemplates.DeadlineReminder] = "【纠纷调解】纠纷{reference}的办理期限将于{deadline}届满，请及时处理。",
        [NotificationTemplates.ClockPaused] = "【纠纷调解】纠纷{reference}的调解期限暂停计算（如鉴定期间）。",
        [NotificationTemplates.ClockResumed] = "【纠纷调解】纠纷{reference}的调解期限恢复计算，届满时间{deadline}。",
        [NotificationTemplates.DeadlineExtended] = "【纠纷调解】纠纷{reference}的调解期限已延长至{deadline}。",
        [NotificationTemplates.RiskFlagged] = "【纠纷调解】纠纷{reference}被标记为有激化风险，请及时关注。",
        [NotificationTemplates.MediationTerminated] = "【纠纷调解】纠纷{reference}已终止调解。您可以通过以下途径维护权益：{remedies}。",
        [NotificationTemplates.AgreementReady] = "【纠纷调解】纠纷{reference}的调解协议已拟定，请登录平台查看并确认。",
        [AgreementRejected] = "【纠纷调解】纠纷{reference}的调解协议被当事人拒绝，请继续调解。",
        [NotificationTemplates.JudicialConfirmationOpen] = "【纠纷调解】纠纷{reference}的调解协议已生效。双方可于{deadline}前共同向人民法院申请司法确认。",
        [NotificationTemplates.JudicialConfirmationClosed] = "【纠纷调解】纠纷{reference}申请司法确认的期限已届满。",
        [NotificationTemplates.FollowUpVisitOverdue] = "【纠纷调解】纠纷{reference}的回访已逾期，请尽快回访。",
        [NotificationTemplates.CaseClosed] = "【纠纷调解】纠纷{reference}已办结，感谢您的配合。",
        [HotlineReceived] = "工单{orderNumber}已登记为纠纷{reference}，分派至{organisation}，受理期限至{deadline}。",
        [HotlineAccepted] = "工单{orderNumber}（纠纷{reference}）已由{organisation}受理，调解员{mediator}。",
        [HotlineTierChanged] = "工单{orderNumber}（纠纷{reference}）已转至{organisation}办理。",
        [HotlineReassigned] = "工单{orderNumber}（纠纷{reference}）已改由{organisation}办理，受理期限至{deadline}。",
        [HotlineClosed] = "工单{orderNumber}（纠纷{reference}）已办结。",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What is wrong with <paramref name="text"/> as a template: empty, too long, an unknown placeholder, an unclosed brace.</summary>
    public static IReadOnlyList<TemplateProblem> Check(string? text)
    {
        var problems = new List<TemplateProblem>();
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new TemplateProblem("TemplateEmpty", null));
            return problems;
        }

        if (text.Length > MaxLength)
        {
            problems.Add(new TemplateProblem("TemplateTooLong", MaxLength.ToString(CultureInfo.InvariantCulture)));
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '}')
            {
                problems.Add(new TemplateProblem("TemplateBraceUnopened", i.ToString(CultureInfo.InvariantCulture)));
                continue;
            }

            if (text[i] != '{')
            {
                continue;
            }

            var end = text.IndexOf('}', i + 1);
            var nextOpen = text.IndexOf('{', i + 1);
            if (end < 0 || (nextOpen >= 0 && nextOpen < end))
            {
                problems.Add(new TemplateProblem("TemplateBraceUnclosed", i.ToString(CultureInfo.InvariantCulture)));
                continue;
            }

            var name = text[(i + 1)..end];
            if (!Placeholders.ContainsKey(name))
            {
                problems.Add(new TemplateProblem("TemplatePlaceholderUnknown", name));
            }

            i = end;
        }

        return problems;
    }

    /// <summary>Fills the placeholders of a checked template; a value that is missing renders as an em dash.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var end = template[i] == '{' ? template.IndexOf('}', i + 1) : -1;
            if (end < 0)
            {
                text.Append(template[i]);
                continue;
            }

            var name = template[(i + 1)..end];
            text.Append(values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : "—");
            i = end;
        }

        return text.ToString();
    }

    /// <summary>An instant as Beijing time, e.g. <c>2026年3月5日 24:00</c> for the end of 5 March (periods end at 24:00).</summary>
    public static string FormatDeadline(DateTimeOffset instant)
    {
        var local = instant.ToOffset(TimeSpan.FromHours(8));
        return local.TimeOfDay == TimeSpan.Zero
            ? local.AddDays(-1).ToString("yyyy年M月d日 24:00", CultureInfo.InvariantCulture)
            : local.ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The remedies of Art. 26 in plain Chinese.</summary>
    public static string FormatRemedies(IEnumerable<Referral> remedies) =>
        string.Join("；", remedies.Distinct().Select(r => r switch
        {
            Referral.Arbitration => "申请仲裁",
            Referral.LabourArbitration => "向劳动人事争议仲裁委员会申请仲裁",
            Referral.LandContractArbitration => "向农村土地承包仲裁委员会申请仲裁",
            Referral.Litigation => "向人民法院提起诉讼",
            Referral.Administrative => "请求有关行政机关处理",
            Referral.Police => "向公安机关报案",
            _ => r.ToString(),
        }));
}

/// <summary>One problem with a template text: a resource key of <c>NotificationMessages</c> and its argument.</summary>
internal sealed record TemplateProblem(string Code, string? Argument);
