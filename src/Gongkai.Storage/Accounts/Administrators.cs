using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Storage.Accounts;

/// <summary>
/// The administrators who may upload reports and correct the agency registry. Every account is an
/// administrator; the first is created from the command line (<c>gongkai admin create</c>).
/// Public pages need no account.
/// </summary>
public static class Administrators
{
    /// <summary>The password rules, shared by the web app and the command line.</summary>
    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = 10;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireDigit = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = false;
    }

    /// <summary>Creates an administrator, or sets a new password when the name exists. Errors come back in Chinese.</summary>
    public static async Task<(bool Created, IReadOnlyList<string> Errors)> CreateOrResetAsync(Database database, string userName, string password)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped(_ => database.Open());
        services.AddIdentityCore<IdentityUser>(Configure).AddEntityFrameworkStores<GongkaiDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();

        var user = await users.FindByNameAsync(userName).ConfigureAwait(false);
        IdentityResult result;
        var created = user is null;
        if (user is null)
        {
            user = new IdentityUser(userName);
            result = await users.CreateAsync(user, password).ConfigureAwait(false);
        }
        else
        {
            // Validate first, so that a rejected password leaves the old one in place.
            var errors = new List<IdentityError>();
            foreach (var validator in users.PasswordValidators)
            {
                errors.AddRange((await validator.ValidateAsync(users, user, password).ConfigureAwait(false)).Errors);
            }

            result = errors.Count > 0 ? IdentityResult.Failed([.. errors]) : await users.RemovePasswordAsync(user).ConfigureAwait(false);
            if (result.Succeeded)
            {
                result = await users.AddPasswordAsync(user, password).ConfigureAwait(false);
            }
        }

        return (created && result.Succeeded, [.. result.Errors.Select(Describe)]);
    }

    private static string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => "密码至少需要 10 个字符",
        nameof(IdentityErrorDescriber.InvalidUserName) => "用户名只能包含字母、数字和 -._@+",
        _ => error.Description,
    };
}
