using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Web.Components.Shared;

/// <summary>Status chips as MudChip's markup and classes, for places that show many of them (a chip per row of a
/// dense list): a MudChip component per cell costs render-tree buffers in every open circuit (decision 0012).
/// Colours are the theme's, so they look the same as MudChip.</summary>
public static class Chips
{
    // Chip texts are few (statuses in two languages); their markup is built once and shared by every circuit.
    private static readonly ConcurrentDictionary<(string, string?, bool, string?), string> Cache = new();

    /// <summary>color: a MudBlazor palette name (info, success, warning, error, tertiary) or null for grey.</summary>
    public static MarkupString Chip(string text, string? color = null, bool outlined = false, string? dataTest = null) =>
        new(Cache.Count < 1000 ? Cache.GetOrAdd((text, color, outlined, dataTest), _ => Markup(text, color, outlined, dataTest)) : Markup(text, color, outlined, dataTest));

    private static string Markup(string text, string? color, bool outlined, string? dataTest) =>
        $"<span class=\"mud-chip-container pc-chip\"><span class=\"mud-chip {(outlined ? "mud-chip-outlined" : "mud-chip-filled")} mud-chip-size-small{(color == null ? "" : " mud-chip-color-" + color)}\"{(dataTest == null ? "" : $" data-test=\"{dataTest}\"")}><span class=\"mud-chip-content\">{HtmlEncoder.Default.Encode(text)}</span></span></span>";

    /// <summary>The repair order's status (docs/ux colours), with 超时 and 紧急 beside it when they apply.</summary>
    public static MarkupString Repair(RepairStatus status, bool overdue, bool urgent) =>
        new(RepairCache.GetOrAdd((status, overdue, urgent, Lang.Zh), _ =>
        {
            var html = Chip(Lang.T(status.Label()), RepairColour(status), dataTest: "repair-status").Value;
            if (overdue) html += Chip(Lang.T("超时", "Overdue"), "error", dataTest: "overdue").Value;
            if (urgent) html += Chip(Lang.T("紧急", "Urgent"), "warning", outlined: true).Value;
            return html;
        }));

    private static readonly ConcurrentDictionary<(RepairStatus, bool, bool, bool), string> RepairCache = new();

    public static string? RepairColour(RepairStatus status) => status switch
    {
        RepairStatus.Dispatched or RepairStatus.Accepted
            or RepairStatus.Arrived => "info",
        RepairStatus.Completed => "warning",
        RepairStatus.Rework => "tertiary",
        RepairStatus.Closed => "success",
        _ => null,
    };
}
