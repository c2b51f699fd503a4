using PropertyCare.Domain.Common;

namespace PropertyCare.Infrastructure.Staff;

internal static class AccountRules
{
    public static List<FieldError> ValidateNew(string userName, string displayName)
    {
        var e = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(userName) || userName.Trim().Length < 3 || userName.Trim().Length > 30 || !userName.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            e.Add(new("UserName", new("登录名为 3–30 位字母、数字或 . _ -", "User name: 3–30 letters, digits or . _ -")));
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 50)
            e.Add(new("DisplayName", new("请填写姓名（不超过 50 字）", "Name is required (at most 50 characters)")));
        return e;
    }

    /// <summary>Identity's errors, in the user's language where we know the code.</summary>
    public static ValidationException FromIdentity(IEnumerable<Microsoft.AspNetCore.Identity.IdentityError> errors) =>
        new(errors.Select(e => new FieldError(e.Code.StartsWith("Password") ? "Password" : "UserName", e.Code switch
        {
            "DuplicateUserName" => new Text("该登录名已被使用", "This user name is taken"),
            "PasswordTooShort" => new Text("密码至少 8 位", "Password must be at least 8 characters"),
            "PasswordRequiresDigit" => new Text("密码须包含数字", "Password must contain a digit"),
            "PasswordRequiresLower" => new Text("密码须包含小写字母", "Password must contain a lower-case letter"),
            "PasswordRequiresUpper" => new Text("密码须包含大写字母", "Password must contain an upper-case letter"),
            "PasswordRequiresNonAlphanumeric" => new Text("密码须包含符号", "Password must contain a symbol"),
            _ => new Text(e.Description, e.Description),
        })).ToList());

    /// <summary>A temporary password that satisfies the password rules; shown once to the manager.</summary>
    public static string TemporaryPassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyz";
        static int r(int a, int b = -1) => b < 0 ? System.Security.Cryptography.RandomNumberGenerator.GetInt32(a) : System.Security.Cryptography.RandomNumberGenerator.GetInt32(a, b);
        var body = new string(Enumerable.Range(0, 6).Select(_ => letters[r(letters.Length)]).ToArray());
        return $"{char.ToUpperInvariant(letters[r(letters.Length)])}{body}#{r(100, 1000)}";
    }
}
