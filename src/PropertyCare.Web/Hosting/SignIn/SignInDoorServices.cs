namespace PropertyCare.Web.Hosting.SignIn;

public static class SignInDoorServices
{
    public static IServiceCollection AddSignInDoor(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SignInDoorOptions>(config.GetSection(SignInDoorOptions.Section));
        // One throttle per app instance: its memory is what makes the limits hold across requests.
        services.AddSingleton(new SignInClock(TimeProvider.System));
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<SignInDoor>();
        return services;
    }
}
