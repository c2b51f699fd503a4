using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace PropertyCare.Web.Components.Tests;

/// <summary>A bunit context with BootstrapBlazor's services and the Chinese UI culture.</summary>
public abstract class ComponentTestBase : BunitContext
{
    protected ComponentTestBase()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddBootstrapBlazor();
    }
}
