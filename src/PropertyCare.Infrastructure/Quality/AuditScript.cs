using PropertyCare.Domain.Common;
using PropertyCare.Domain.Quality;

namespace PropertyCare.Infrastructure.Quality;

/// <summary>总部抽访话术: the handbook's greeting (问候语 “您好！我是…的回访员，请问这是*先生（*女士）家吗？能打扰您一会吗？”)
/// adapted to property service, the questions the audit must answer (did the project call; was the work done; how satisfied
/// now), and a closing (the handbook leaves 告别语 blank; ours thanks the owner and says what happens next).</summary>
public static class AuditScript
{
    public static IReadOnlyList<Text> For(SampleSource source, string number, string? contactName, string companyName)
    {
        var who = string.IsNullOrWhiteSpace(contactName) ? "业主" : contactName;
        var what = source == SampleSource.Repair ? "报修" : "投诉";
        var whatEn = source == SampleSource.Repair ? "repair request" : "complaint";
        return
        [
            new($"您好！我是{companyName}总部客服中心的回访员，请问是{who}吗？能打扰您一两分钟吗？",
                $"Hello! I am calling from {companyName} head office customer service. Am I speaking with {who}? May I take a minute of your time?"),
            new($"您之前反映的{what}（单号 {number}），物业服务中心是否已经给您回过电话？", $"About your {whatEn} ({number}): did the service centre call you back?"),
            new(source == SampleSource.Repair ? "维修是否已经完成？师傅的服务态度、现场清理和收费情况怎么样？" : "问题是否已经处理好？处理结果您是否认可？",
                source == SampleSource.Repair ? "Was the repair done? How were the technician's manner, the clean-up and the charge?" : "Has it been resolved? Do you accept the result?"),
            new("对这次服务，您现在的满意度是：非常满意、满意、一般、不太满意还是很不满意？",
                "How satisfied are you now: very satisfied, satisfied, neutral, dissatisfied or very dissatisfied?"),
            new("非常感谢您的配合！您的意见我们已记录，如有问题总部会督促项目尽快整改。祝您生活愉快，再见！",
                "Thank you very much! We have noted what you said; if anything is wrong head office will have the project put it right. Goodbye!"),
        ];
    }
}
