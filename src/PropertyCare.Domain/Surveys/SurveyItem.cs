using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Surveys;

/// <summary>One question, answered on the five levels of <see cref="Repairs.Satisfaction"/> (or 不适用).</summary>
public sealed class SurveyItem
{
    public ServiceArea Area { get; set; }
    public string Text { get; set; } = "";

    public const int MaxItems = 30, MaxText = 100;

    /// <summary>A questionnaire: 1 to 30 items, each with a known area and a question of at most 100 characters.</summary>
    public static List<FieldError> Validate(IReadOnlyList<SurveyItem> items)
    {
        var e = new List<FieldError>();
        if (items.Count == 0) e.Add(new("Items", new("问卷至少需要一个题目", "The questionnaire needs at least one item")));
        if (items.Count > MaxItems) e.Add(new("Items", new($"问卷最多 {MaxItems} 个题目", $"At most {MaxItems} items")));
        for (var i = 0; i < items.Count; i++)
        {
            if (!Enum.IsDefined(items[i].Area)) e.Add(new($"Items[{i}]", new($"第 {i + 1} 题：请选择服务范畴", $"Item {i + 1}: choose the area")));
            if (string.IsNullOrWhiteSpace(items[i].Text)) e.Add(new($"Items[{i}]", new($"第 {i + 1} 题：请填写题目", $"Item {i + 1}: write the question")));
            else if (items[i].Text.Trim().Length > MaxText) e.Add(new($"Items[{i}]", new($"第 {i + 1} 题：不能超过 {MaxText} 字", $"Item {i + 1}: at most {MaxText} characters")));
        }
        return e;
    }

    /// <summary>The questionnaire of 000_…'s 满意度调查, one or two items per area; the template HQ starts from.</summary>
    public static List<SurveyItem> Standard() =>
    [
        new() { Area = ServiceArea.CustomerService, Text = "客服人员的服务态度" },
        new() { Area = ServiceArea.CustomerService, Text = "报事、投诉的受理与反馈及时性" },
        new() { Area = ServiceArea.Repairs, Text = "维修的及时性" },
        new() { Area = ServiceArea.Repairs, Text = "维修的质量" },
        new() { Area = ServiceArea.Cleaning, Text = "公共区域的清洁卫生" },
        new() { Area = ServiceArea.Landscaping, Text = "小区绿化的养护" },
        new() { Area = ServiceArea.Security, Text = "小区的安全秩序与巡逻" },
        new() { Area = ServiceArea.Parking, Text = "车辆停放与车场管理" },
    ];
}
