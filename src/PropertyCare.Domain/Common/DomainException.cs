namespace PropertyCare.Domain.Common;

/// <summary>A message shown to a person, in both UI languages, so a rule stated once in the domain
/// reads correctly in the Chinese and the English UI.</summary>
public sealed record Text(string Zh, string En)
{
    public string For(bool chinese) => chinese ? Zh : En;
    public override string ToString() => Zh;
}

/// <summary>A rule of the business refused an action; the message is meant for the user.</summary>
public class DomainException(Text message) : Exception(message.En)
{
    public Text Text { get; } = message;
}

/// <summary>The record was changed by someone else since it was loaded.</summary>
public sealed class ConcurrencyConflictException() : DomainException(new Text(
    "该记录已被他人修改，请刷新后重试。", "This record was changed by someone else. Reload it and try again."));

/// <summary>The record does not exist for the current user — deliberately the same answer whether it
/// does not exist at all or belongs to another project, so IDs cannot be probed.</summary>
public sealed class RecordNotFoundException() : DomainException(new Text(
    "记录不存在或无权访问。", "The record does not exist or you have no access to it."));

public sealed class AccessDeniedException(Text message) : DomainException(message)
{
    public AccessDeniedException() : this(new Text("您没有执行此操作的权限。", "You are not allowed to do this.")) { }
}

/// <summary>One validation failure, tied to the input field it is about.</summary>
public sealed record FieldError(string Field, Text Message);

public sealed class ValidationException(IReadOnlyList<FieldError> errors)
    : DomainException(errors.Count > 0 ? errors[0].Message : new Text("输入有误", "Invalid input"))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
