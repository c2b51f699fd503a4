using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace PropertyCare.Web.Components.Tests;

/// <summary>A bunit context with MudBlazor's services (and BootstrapBlazor's, for the old Pager's tests), loose
/// JS interop, and the Chinese UI culture. Disposed asynchronously first: several MudBlazor services are only
/// IAsyncDisposable, and a synchronous disposal of the container refuses them.</summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    protected ComponentTestBase()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddBootstrapBlazor();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
