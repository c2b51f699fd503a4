using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Tests.Owners;

public sealed class ContactRulesTests
{
    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("19912345678", true)]
    [InlineData("028-85551234", true)]
    [InlineData("02885551234", true)]
    [InlineData("0755-1234567-801", true)]
    [InlineData("12800138000", false)]  // no mobile prefix 12
    [InlineData("1380013800", false)]   // 10 digits
    [InlineData("138001380001", false)] // 12 digits
    [InlineData("85551234", false)]     // landline without area code
    [InlineData("138-0013-8000", false)]
    [InlineData("", false)]
    public void Recognises_mainland_mobiles_and_landlines(string phone, bool valid) =>
        Assert.Equal(valid, ContactRules.IsValidPhone(phone));

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]  // lower-case check letter
    [InlineData("110105194912310021", false)] // wrong check digit
    [InlineData("110105199902300016", false)] // 30 February
    [InlineData("11010518991231002X", false)] // before 1900
    [InlineData("1101051949123100", false)]   // too short
    [InlineData("11010519491231002Y", false)]
    public void Checks_resident_id_format_birth_date_and_check_digit(string id, bool valid) =>
        Assert.Equal(valid, ContactRules.IsValidResidentId(id));

    [Fact]
    public void Refuses_a_birth_date_in_the_future()
    {
        var first17 = "110105" + DateTime.UtcNow.AddYears(1).ToString("yyyyMMdd") + "001";
        Assert.False(ContactRules.IsValidResidentId(first17 + ContactRules.ResidentIdCheckDigit(first17)));
    }

    [Fact]
    public void Computes_the_check_digit_every_valid_number_ends_with()
    {
        Assert.Equal('X', ContactRules.ResidentIdCheckDigit("11010519491231002"));
        var first17 = "51010419800101123";
        Assert.True(ContactRules.IsValidResidentId(first17 + ContactRules.ResidentIdCheckDigit(first17)));
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("028-85551234", "028*****1234")]
    [InlineData("1234567", "1****67")]
    [InlineData("123", "***")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Masks_phone_numbers(string? phone, string masked) => Assert.Equal(masked, ContactRules.MaskPhone(phone));

    [Theory]
    [InlineData("11010519491231002X", "1101**********002X")]
    [InlineData("E12345678", "E123*5678")]
    [InlineData("12345", "*****")]
    [InlineData(null, "")]
    public void Masks_id_numbers(string? id, string masked) => Assert.Equal(masked, ContactRules.MaskIdNumber(id));

    [Fact]
    public void A_masked_number_never_contains_the_middle_digits()
    {
        var masked = ContactRules.MaskPhone("13987654321");
        Assert.DoesNotContain("8765", masked);
    }
    [Fact]
    public void A_birth_date_in_1900_or_today_is_possible()
    {
        var first17 = "11010519000101001";
        Assert.True(ContactRules.IsValidResidentId(first17 + ContactRules.ResidentIdCheckDigit(first17)));
        var bornToday = "110105" + DateTime.UtcNow.ToString("yyyyMMdd") + "001";
        Assert.True(ContactRules.IsValidResidentId(bornToday + ContactRules.ResidentIdCheckDigit(bornToday)));
    }

    [Theory]
    [InlineData("1234", "****")]
    [InlineData("12345", "1**45")]
    [InlineData("12345678", "123*5678")]
    public void Short_phone_numbers_are_masked_too(string phone, string masked) => Assert.Equal(masked, ContactRules.MaskPhone(phone));

    [Theory]
    [InlineData("123456", "******")]
    [InlineData("G123456", "G****56")]   // a 7-character passport number
    [InlineData("AB123456", "A*****56")] // 8 characters: never shown whole
    public void Short_id_numbers_are_masked_and_never_shown_whole(string id, string masked)
    {
        Assert.Equal(masked, ContactRules.MaskIdNumber(id));
        Assert.Equal(masked, ContactRules.MaskIdNumber(masked)); // masking a masked value changes nothing
    }
}
