using PropertyCare.Domain.Common;
using PropertyCare.Domain.Tenancy;

namespace PropertyCare.Domain.Tests.Common;

public sealed class ValidationTests
{
    [Fact]
    public void A_text_is_read_in_the_users_language()
    {
        var t = new Text("已派工", "Dispatched");
        Assert.Equal("已派工", t.For(chinese: true));
        Assert.Equal("Dispatched", t.For(chinese: false));
    }

    [Fact]
    public void A_validation_failure_reads_as_its_first_error()
    {
        var first = new Text("请填写房号", "Room number is required");
        var ex = new ValidationException([new("Room", first), new("Area", new("面积无效", "Invalid area"))]);
        Assert.Equal(first, ex.Text);
        Assert.Equal("Room number is required", ex.Message);
    }

    [Fact]
    public void A_validation_failure_without_errors_reads_as_invalid_input()
    {
        var ex = new ValidationException([]);
        Assert.Equal(new Text("输入有误", "Invalid input"), ex.Text);
        Assert.Empty(ex.Errors);
    }

    [Fact]
    public void A_text_exactly_at_its_limit_is_accepted_after_trimming()
    {
        var e = new List<FieldError>();
        TextLimits.Check(e, "Relation", " " + new string('配', TextLimits.Relation) + " ", TextLimits.Relation, "与业主关系", "Relation");
        TextLimits.Check(e, "Relation", null, TextLimits.Relation, "与业主关系", "Relation");
        Assert.Empty(e);
        TextLimits.Check(e, "Relation", new string('配', TextLimits.Relation + 1), TextLimits.Relation, "与业主关系", "Relation");
        Assert.Equal("Relation", Assert.Single(e).Field);
    }

    [Fact]
    public void A_new_company_is_active() => Assert.True(new Company().IsActive);
}
