using Microsoft.AspNetCore.Components;
using MudBlazor;
using PropertyCare.Domain.Common;

namespace PropertyCare.Web.Components;

/// <summary>Base of every component: the two UI languages, and one way to run an action that turns
/// the domain's refusals into messages on the screen instead of a broken circuit.</summary>
public abstract class AppComponentBase : ComponentBase
{
    [Inject] protected ISnackbar Snackbar { get; set; } = null!;
    [Inject] protected IDialogService Dialogs { get; set; } = null!;

    protected static bool Zh => Lang.Zh;
    protected static string T(string zh, string en) => Lang.T(zh, en);
    protected static string T(Text text) => Lang.T(text);

    /// <summary>Errors of the last action, by input field, for the form to show beside the inputs.</summary>
    protected Dictionary<string, string> FieldErrors { get; } = [];
    protected string? ActionError { get; set; }
    protected bool Busy { get; private set; }

    /// <summary>The last action's refusal as an alert, where the page shows it (<c>@ActionErrorAlert</c>). A render
    /// fragment rather than a component: it is on nearly every page and empty nearly always, and an empty component
    /// still costs render-tree buffers in every open circuit (decision 0012).</summary>
    protected RenderFragment ActionErrorAlert => b =>
    {
        if (string.IsNullOrEmpty(ActionError)) return;
        b.OpenComponent<MudAlert>(0);
        b.AddComponentParameter(1, nameof(MudAlert.Severity), Severity.Error);
        b.AddComponentParameter(2, nameof(MudAlert.Dense), true);
        b.AddComponentParameter(3, nameof(MudAlert.Class), "mb-3");
        b.AddAttribute(4, "data-test", "action-error");
        b.AddComponentParameter(5, nameof(MudAlert.ChildContent), (RenderFragment)(c => c.AddContent(0, ActionError)));
        b.CloseComponent();
    };

    protected string? ErrorFor(string field) => FieldErrors.GetValueOrDefault(field);
    protected bool HasError(string field) => FieldErrors.ContainsKey(field);

    protected async Task<bool> RunAsync(Func<Task> action, string? success = null)
    {
        FieldErrors.Clear();
        ActionError = null;
        Busy = true;
        try
        {
            await action();
            if (success != null) Snackbar.Add(success, Severity.Success);
            return true;
        }
        catch (ValidationException v)
        {
            foreach (var e in v.Errors) FieldErrors.TryAdd(e.Field, T(e.Message));
            ActionError = T("请更正标记的内容后再保存。", "Please correct the marked fields.");
            return false;
        }
        catch (DomainException d)
        {
            ActionError = T(d.Text);
            return false;
        }
        finally
        {
            Busy = false;
            StateHasChanged();
        }
    }

    /// <summary>Asks before a destructive step; the text names the record (e.g. its number).</summary>
    protected async Task<bool> ConfirmAsync(string title, string text, string yes)
    {
        var answer = await Dialogs.ShowMessageBoxAsync(title, text, yesText: yes, cancelText: T("返回", "Back"));
        return answer == true;
    }
}
