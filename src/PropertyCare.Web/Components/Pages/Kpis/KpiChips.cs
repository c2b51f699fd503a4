using Microsoft.AspNetCore.Components;
using PropertyCare.Domain.Kpis;
using PropertyCare.Web.Components.Shared;

namespace PropertyCare.Web.Components.Pages.Kpis;

/// <summary>The score band as a chip (Chips' markup: one per ranking row), coloured failing red → excellent green.</summary>
public static class KpiChips
{
    public static MarkupString Band(KpiBand? band) => band is not { } b
        ? Chips.Chip(Lang.T("无数据", "No data"), dataTest: "kpi-band")
        : Chips.Chip(Lang.T(b.Label()), b switch
        {
            KpiBand.Failing => "error",
            KpiBand.Pass or KpiBand.Fair => "warning",
            KpiBand.Good => "info",
            _ => "success",
        }, dataTest: "kpi-band");

    public static string Score(decimal? score) => score is { } s ? s.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
