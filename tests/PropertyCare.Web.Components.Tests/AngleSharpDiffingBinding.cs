using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace PropertyCare.Web.Components.Tests;

/// <summary>bunit 2.15 was built against AngleSharp.Diffing 1.x; the feed has 0.17, which has what bunit
/// uses here. Bind the request for the newer version to the one that is present.</summary>
internal static class AngleSharpDiffingBinding
{
    [ModuleInitializer]
    internal static void Register() =>
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name == "AngleSharp.Diffing"
                ? context.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, "AngleSharp.Diffing.dll"))
                : null;
}
