using Mediation.Api.Disputes.Actions;

namespace Mediation.Api.Web.Workbench;

/// <summary>
/// The parts of a written agreement (人民调解法 Art. 29) for the printed document, each under its own heading. An
/// outcome record or proposal keeps the parts in two columns (<c>Facts</c>: facts, matters in dispute, responsibility;
/// <c>Terms</c>: terms, how and by when performed), each part on its own line after its label as
/// <c>Disputes.Actions.AgreementContent.Read</c> writes them; this splits them back. Text that carries no labels (a
/// record written some other way) is kept whole as the facts or the terms, so nothing is ever lost from the print.
/// </summary>
/// <param name="Facts">基本事实.</param>
/// <param name="MattersInDispute">争议事项.</param>
/// <param name="Responsibility">各方责任.</param>
/// <param name="Terms">协议内容.</param>
/// <param name="Performance">履行方式.</param>
/// <param name="PerformBy">履行期限, as written (yyyy-MM-dd).</param>
public sealed record AgreementDocument(string Facts, string? MattersInDispute, string? Responsibility, string Terms, string? Performance, string? PerformBy)
{
    public static AgreementDocument Parse(string? facts, string? terms)
    {
        var first = Split(facts ?? string.Empty, AgreementContent.FactsLabel, AgreementContent.MattersLabel, AgreementContent.ResponsibilityLabel);
        var second = Split(terms ?? string.Empty, AgreementContent.TermsLabel, AgreementContent.PerformanceLabel, AgreementContent.PerformByLabel);
        return new AgreementDocument(first[0] ?? string.Empty, first[1], first[2], second[0] ?? string.Empty, second[1], second[2]);
    }

    /// <summary>The text after each label up to the next label; when the first label is missing, the whole text is the first part.</summary>
    private static string?[] Split(string text, params string[] labels)
    {
        var parts = new string?[labels.Length];
        if (!text.StartsWith(labels[0], StringComparison.Ordinal))
        {
            parts[0] = text.Trim();
            return parts;
        }

        var positions = new int[labels.Length];
        var from = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var at = i == 0 ? 0 : text.IndexOf("\n" + labels[i], from, StringComparison.Ordinal);
            positions[i] = at;
            if (at >= 0)
            {
                from = at + 1;
            }
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if (positions[i] < 0)
            {
                continue;
            }

            var start = positions[i] + (i == 0 ? 0 : 1) + labels[i].Length;
            var end = text.Length;
            for (var j = i + 1; j < labels.Length; j++)
            {
                if (positions[j] >= 0)
                {
                    end = positions[j];
                    break;
                }
            }

            parts[i] = text[start..end].Trim();
        }

        return parts;
    }
}
