var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddBootstrapBlazor();
var app = builder.Build();
app.MapGet("/health", () => "ok");
app.Run();
public partial class Program { }
