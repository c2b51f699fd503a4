namespace PropertyCare.Web.Hosting.SignIn;

/// <summary>The clock the sign-in door's waits are measured on: the real one, never the registered business clock
/// (which end-to-end tests move forward, and which must not open the door early). Its own type so that the door's
/// tests can put a clock they move in its place instead of sleeping through a wait.</summary>
public sealed class SignInClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;
}
