using PropertyCare.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
// Structured logs: one JSON object per line outside development, for the log collector.
if (!builder.Environment.IsDevelopment()) builder.Logging.ClearProviders().AddJsonConsole();
builder.Services.AddPropertyCareWeb(builder.Configuration);
builder.AddPropertyCareEnvironment();

var app = builder.Build();
await app.PreparePropertyCareAsync();
app.UsePropertyCare();
app.Run();

/// <summary>Visible to WebApplicationFactory in the web tests.</summary>
public partial class Program { }
