using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Surveys;

/// <summary>服务范畴 of a questionnaire item (000_… 满意度调查: the project's services as owners see them).</summary>
public enum ServiceArea
{
    CustomerService = 0, // 客服
    Repairs = 1,         // 维修
    Cleaning = 2,        // 保洁
    Landscaping = 3,     // 绿化
    Security = 4,        // 安保
    Parking = 5,         // 停车
    Other = 9,           // 其他
}

/// <summary>Who is asked: every occupied unit, or a random share of them (seed recorded).</summary>
public enum SurveyTarget
{
    AllOccupied = 0,  // 全部已入住房屋
    Sample = 1,       // 随机抽样
}

public enum CampaignStatus
{
    Draft = 0,   // 草稿 — editable, nobody asked yet
    Open = 1,    // 进行中 — invitations out, answers taken
    Closed = 2,  // 已结束 — answers frozen, results final
}

/// <summary>How an answer reached us.</summary>
public enum ResponseChannel
{
    Portal = 0,          // 业主端自填
    PhoneInterview = 1,  // 电话访问（客服代录）
}

public static class SurveyLabels
{
    public static Text Label(this ServiceArea a) => a switch
    {
        ServiceArea.CustomerService => new("客服", "Customer service"),
        ServiceArea.Repairs => new("维修", "Repairs"),
        ServiceArea.Cleaning => new("保洁", "Cleaning"),
        ServiceArea.Landscaping => new("绿化", "Landscaping"),
        ServiceArea.Security => new("安保", "Security"),
        ServiceArea.Parking => new("停车", "Parking"),
        _ => new("其他", "Other"),
    };

    public static Text Label(this CampaignStatus s) => s switch
    {
        CampaignStatus.Draft => new("草稿", "Draft"),
        CampaignStatus.Open => new("进行中", "Open"),
        _ => new("已结束", "Closed"),
    };

    public static Text Label(this SurveyTarget t) => t switch
    {
        SurveyTarget.AllOccupied => new("全部已入住房屋", "All occupied units"),
        _ => new("随机抽样", "Random sample"),
    };

    public static Text Label(this ResponseChannel c) => c switch
    {
        ResponseChannel.Portal => new("业主自填", "Owner, in the portal"),
        _ => new("电话访问代录", "Phone interview"),
    };
}
