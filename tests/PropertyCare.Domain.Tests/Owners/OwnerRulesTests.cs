using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Tests.Owners;

public sealed class OwnerRulesTests
{
    private static OwnerDetails Valid(string? phone = "13800138000", string? id = "11010519491231002X") =>
        new("张伟", IdDocumentType.ResidentIdCard, id, phone, null, null, ContactPreference.Phone, new DateOnly(2021, 5, 1), null);

    private static List<string> Fields(OwnerDetails d, bool isNew = false) => OwnerRules.Validate(d, isNew).Select(e => e.Field).ToList();

    [Fact]
    public void A_complete_owner_is_valid() => Assert.Empty(OwnerRules.Validate(Valid(), isNew: true));

    [Fact]
    public void A_new_owner_needs_name_phone_and_id_number()
    {
        var d = Valid(phone: null, id: null) with { Name = " " };
        Assert.Equal(["Name", "Phone", "IdNumber"], Fields(d, isNew: true));
    }

    [Fact]
    public void On_edit_an_empty_phone_or_id_keeps_the_stored_one() => Assert.Empty(Fields(Valid(phone: null, id: null)));

    [Fact]
    public void Messages_come_in_chinese_and_english()
    {
        var e = Assert.Single(OwnerRules.Validate(Valid(phone: "12345")));
        Assert.Equal("Phone", e.Field);
        Assert.Contains("手机号码格式不正确", e.Message.Zh);
        Assert.Contains("Invalid phone number", e.Message.En);
    }

    [Fact]
    public void Passport_numbers_are_checked_for_length_not_for_the_resident_id_check_digit()
    {
        Assert.Empty(Fields(Valid(id: "E12345678") with { IdType = IdDocumentType.Passport }));
        Assert.Equal(["IdNumber"], Fields(Valid(id: "E12") with { IdType = IdDocumentType.Passport }));
        Assert.Equal(["IdNumber"], Fields(Valid(id: "E12345678")));
    }

    [Fact]
    public void Email_is_required_when_it_is_the_preferred_contact()
    {
        Assert.Equal(["Email"], Fields(Valid() with { ContactPreference = ContactPreference.Email }));
        Assert.Empty(Fields(Valid() with { ContactPreference = ContactPreference.Email, Email = "li@example.com" }));
        Assert.Equal(["Email"], Fields(Valid() with { Email = "not-an-email" }));
    }

    [Fact]
    public void Long_names_and_notes_and_far_future_move_in_dates_are_refused()
    {
        Assert.Equal(["Name"], Fields(Valid() with { Name = new string('张', 51) }));
        Assert.Equal(["Notes"], Fields(Valid() with { Notes = new string('x', 1001) }));
        Assert.Equal(["MoveInDate"], Fields(Valid() with { MoveInDate = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(2)) }));
    }

    [Fact]
    public void Apply_trims_and_normalises_and_a_new_phone_clears_the_wrong_number_flag()
    {
        var o = new Owner { Phone = "13800138000", IdNumber = "11010519491231002X", PhoneFlaggedWrong = true };
        o.Apply(Valid(phone: null, id: null) with { Name = "  李娜 ", Notes = "  " });
        Assert.Equal(("李娜", "13800138000", true, (string?)null), (o.Name, o.Phone, o.PhoneFlaggedWrong, o.Notes));

        o.Apply(Valid(phone: "13900139000", id: "11010519491231002x"));
        Assert.Equal(("13900139000", false, "11010519491231002X"), (o.Phone, o.PhoneFlaggedWrong, o.IdNumber));
    }

    [Fact]
    public void Apply_refuses_invalid_details_and_changes_nothing()
    {
        var o = new Owner { Name = "王芳", Phone = "13800138000" };
        var ex = Assert.Throws<ValidationException>(() => o.Apply(Valid(phone: "123")));
        Assert.Equal("Phone", ex.Errors.Single().Field);
        Assert.Equal(("王芳", "13800138000"), (o.Name, o.Phone));
    }

    [Fact]
    public void Household_members_need_name_and_relation_and_emergency_contacts_a_phone()
    {
        Assert.Equal(["Name", "Relation"], OwnerRules.ValidatePerson("", "", null, phoneRequired: false).Select(e => e.Field));
        Assert.Equal(["Phone"], OwnerRules.ValidatePerson("李强", "配偶", null, phoneRequired: true).Select(e => e.Field));
        Assert.Empty(OwnerRules.ValidatePerson("李强", "配偶", "13800138000", phoneRequired: true));
    }
    [Fact]
    public void A_name_of_50_characters_is_accepted()
    {
        Assert.Empty(Fields(Valid() with { Name = " " + new string('张', OwnerRules.NameMax) + " " }));
        Assert.Empty(OwnerRules.ValidatePerson(new string('李', OwnerRules.NameMax), "配偶", null, phoneRequired: false));
        Assert.Equal(["Name"], OwnerRules.ValidatePerson(new string('李', OwnerRules.NameMax + 1), "配偶", null, phoneRequired: false).Select(e => e.Field));
    }

    [Fact]
    public void A_second_phone_is_optional_but_must_be_a_phone_number()
    {
        Assert.Empty(Fields(Valid() with { Phone2 = " 028-85551234 " }));
        Assert.Empty(Fields(Valid() with { Phone2 = "  " }));
        Assert.Equal(["Phone2"], Fields(Valid() with { Phone2 = "12345" }));
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void Other_id_documents_are_5_to_30_characters(int length, bool valid) =>
        Assert.Equal(valid, Fields(Valid(id: new string('9', length)) with { IdType = IdDocumentType.Passport }).Count == 0);

    [Fact]
    public void An_email_address_is_at_most_100_characters()
    {
        var email = new string('a', TextLimits.Email - "@example.com".Length) + "@example.com";
        Assert.Empty(Fields(Valid() with { Email = email }));
        Assert.Equal(["Email"], Fields(Valid() with { Email = "a" + email }));
    }

    [Fact]
    public void A_relation_is_at_most_20_characters_and_a_contact_phone_must_be_valid()
    {
        Assert.Empty(OwnerRules.ValidatePerson("李强", new string('亲', TextLimits.Relation), null, phoneRequired: false));
        Assert.Equal(["Relation"], OwnerRules.ValidatePerson("李强", new string('亲', TextLimits.Relation + 1), null, phoneRequired: false).Select(e => e.Field));
        Assert.Equal(["Phone"], OwnerRules.ValidatePerson("李强", "配偶", "12345", phoneRequired: false).Select(e => e.Field));
    }

    [Fact]
    public void Apply_keeps_optional_details_trimmed_and_an_empty_second_phone_clears_it()
    {
        var o = new Owner { Phone2 = "13700137000" };
        o.Apply(Valid() with { Phone2 = null, Email = " li@example.com ", Notes = " 周末在家 " });
        Assert.Equal(("13700137000", "li@example.com", "周末在家"), (o.Phone2, o.Email, o.Notes)); // null keeps the stored number

        o.Apply(Valid() with { Phone2 = " 028-85551234 " });
        Assert.Equal("028-85551234", o.Phone2);
        Assert.Null(o.Email);
        Assert.Null(o.Notes);

        o.Apply(Valid() with { Phone2 = "  " });
        Assert.Null(o.Phone2);
    }
}
