using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Common;
using PropertyCare.Web.Components.Shared;

namespace PropertyCare.Web.Components.Tests;

public sealed class FieldLabelsTests : ComponentTestBase
{
    [Fact]
    public void History_masks_phone_and_id_numbers()
    {
        Assert.Equal("139****5678", FieldLabels.Value(new FieldChange("Phone", null, "13912345678", SensitiveKind.Phone), "13912345678"));
        Assert.Equal("1101**********002X", FieldLabels.Value(new FieldChange("IdNumber", null, "11010519491231002X", SensitiveKind.IdNumber), "11010519491231002X"));
    }

    [Fact]
    public void History_names_enum_values_in_chinese()
    {
        Assert.Equal("已入住", FieldLabels.Value(new FieldChange("State", "Vacant", "Occupied"), "Occupied"));
        Assert.Equal("—", FieldLabels.Value(new FieldChange("Notes", "x", null), null));
    }
}
