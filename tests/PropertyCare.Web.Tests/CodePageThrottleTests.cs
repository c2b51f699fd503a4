using System.Net;
using System.Text.RegularExpressions;

namespace PropertyCare.Web.Tests;

/// <summary>The one-time-code page draws on the sign-in door's per-address bucket: six-digit codes are guessed,
/// and "send me a code" sends SMS, so one address gets ten tries of either, then waits.</summary>
[Collection("door")]
public sealed partial class CodePageThrottleTests(DoorAppFixture app)
{
    [Fact]
    public async Task One_address_guessing_codes_gets_ten_tries_then_waits_while_another_address_does_not()
    {
        var address = TestClientAddress.Next();
        var client = app.Client(address);
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(client, "13900000000", $"{100000 + i}")).StatusCode);

        var eleventh = await RedeemAsync(client, "13900000000", "100010");
        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.NotNull(eleventh.Headers.RetryAfter);
        Assert.Matches("尝试过于频繁，请 [0-9]+ 秒后再试。", await eleventh.Content.ReadAsStringAsync());

        // Asking for codes is throttled the same way from that address...
        var request = await PostAsync(client, new() { ["_handler"] = "request-code", ["Request.Mobile"] = "13900000000" });
        Assert.Equal(HttpStatusCode.TooManyRequests, request.StatusCode);
        // ...and another address is not affected.
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(app.Client(), "13900000000", "100011")).StatusCode);
    }

    private static Task<HttpResponseMessage> RedeemAsync(HttpClient client, string mobile, string code) =>
        PostAsync(client, new()
        {
            ["_handler"] = "redeem-code", ["Redeem.Mobile"] = mobile, ["Redeem.Code"] = code,
            ["Redeem.Password"] = "Guess#2026a", ["Redeem.Confirm"] = "Guess#2026a",
        });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> form)
    {
        var page = await client.GetStringAsync("/account/code");
        form["__RequestVerificationToken"] = TokenRegex().Match(page).Groups[1].Value;
        return await client.PostAsync("/account/code", new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
