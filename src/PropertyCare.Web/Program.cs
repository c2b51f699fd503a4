using PropertyCare.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPropertyCareWeb(builder.Configuration);

var app = builder.Build();
await app.PreparePropertyCareAsync();
app.UsePropertyCare();
app.Run();

/// <summary>Visible to WebApplicationFactory in the web tests.</summary>
public partial class Program { }
