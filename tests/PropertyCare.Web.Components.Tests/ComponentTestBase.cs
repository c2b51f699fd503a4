using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyCare.Web.Components;

namespace PropertyCare.Web.Components.Tests;

/// <summary>A bunit context with MudBlazor's services (the app's Chinese texts for them), loose
/// JS interop, and the Chinese UI culture. Disposed asynchronously first: several MudBlazor services are only
/// IAsyncDisposable, and a synchronous disposal of the container refuses them.</summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    protected ComponentTestBase()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddTransient<MudBlazor.MudLocalizer, MudTexts>();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
