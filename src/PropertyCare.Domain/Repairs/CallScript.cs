namespace PropertyCare.Domain.Repairs;

/// <summary>回访话术 — the service language of the handbooks (问候语, questions on attitude, cleanup, fee and
/// satisfaction, 告别语), filled in for one order so the caller reads it as written.</summary>
public sealed record CallScript(string Greeting, IReadOnlyList<string> Questions, string Closing)
{
    public static CallScript For(string projectName, string callerName, string? ownerName, DateOnly reportedOn, string category, int round)
    {
        var who = string.IsNullOrWhiteSpace(ownerName) ? "业主" : $"{ownerName.Trim()[0]}先生/女士";
        var greeting = $"您好！我是{projectName}客服中心的回访员{callerName}，请问这是{who}家吗？能打扰您一会儿吗？";
        var questions = new List<string>
        {
            round > 1
                ? $"您{reportedOn:M月d日}报修的{category}问题，我们安排师傅再次上门处理了，请问现在解决了吗？"
                : $"您{reportedOn:M月d日}报修的{category}问题，维修师傅已经处理完毕，请问现在使用正常吗？",
            "师傅上门时的服务态度怎么样？",
            "维修完成后，师傅有没有清理现场卫生？",
            "这次维修的收费和事先告知的一致吗？",
            "您对这次维修服务满意吗？（非常满意 / 满意 / 一般 / 不太满意 / 很不满意）",
        };
        const string closing = "非常感谢您的支持与配合！如有需要请随时致电客服中心，祝您生活愉快，再见！";
        return new CallScript(greeting, questions, closing);
    }
}
