namespace PropertyCare.Infrastructure.Complaints;

/// <summary>客户投诉记录单 as printed: who complained (the phone always masked on paper), about what, how it came in and
/// who received it.</summary>
public sealed record ComplaintRecordPrint(string CompanyName, string ProjectName, string Number, string Kind, string CustomerName, string? Address,
    DateTime ReceivedAtLocal, string Channel, string MaskedPhone, string Facts, string? Demand, string ReceiverName);

/// <summary>客户投诉处理单 as printed: the department's handling and the three opinions, with the signature lines. The
/// customer's masked phone is on it only for staff who read complaints (never for a department user).</summary>
public sealed record ComplaintHandlingPrint(string CompanyName, string ProjectName, string Number, string Kind, string? Address, string? MaskedPhone,
    string Facts, string? Department, string? HandlerName, string? Classification, string? Category, bool Escalated, string? Plan, DateTime? PlannedAtLocal,
    string? Result, DateTime? HandledAtLocal, string? ReceiverOpinion, string? ManagerOpinion, string? ManagerOpinionBy,
    string? CustomerOpinion, string? Satisfaction, DateTime? CallbackAtLocal, string Status);
