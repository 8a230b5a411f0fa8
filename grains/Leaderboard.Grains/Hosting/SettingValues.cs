using System.Collections;
using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Leaderboard.Grains.Hosting;

/// <summary>
/// Reads every value an operator gave for a section's settings the way the configuration binder will, before anything
/// is built, and stops the start with the setting's name, the value and what it should look like. A value the binder
/// cannot read (<c>FlushInterval=abc</c>, <c>Port=abc</c> in the connection string) used to end the process with code
/// 134 and sixty lines of stack trace, thrown from wherever the options were first used.
/// </summary>
public static class SettingValues
{
    /// <summary>Every value under <paramref name="section"/> that <typeparamref name="TOptions"/> would bind must be readable.</summary>
    /// <exception cref="NodeSetupException">A value cannot be read as its setting's type.</exception>
    public static void Check<TOptions>(IConfiguration configuration, string section)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Check(configuration.GetSection(section), typeof(TOptions));
    }

    /// <summary>The connection string must parse, and Npgsql must know each of its keys and read each value.</summary>
    /// <exception cref="NodeSetupException">It does not.</exception>
    public static void CheckConnectionString(string connectionString, string setting = "ConnectionStrings:Leaderboard")
    {
        DbConnectionStringBuilder pairs;
        try
        {
            pairs = new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException)
        {
            throw new NodeSetupException($"{setting} không đúng dạng: cần các cặp khóa=giá trị cách nhau bởi dấu chấm phẩy, ví dụ Host=db.example;Database=leaderboard;Username=leaderboard. {QuoteHint}");
        }

        var hasPassword = pairs.Keys.Cast<string>().Any(k => k.Contains("password", StringComparison.OrdinalIgnoreCase) || k is "pwd");

        var npgsql = new NpgsqlConnectionStringBuilder();
        foreach (string key in pairs.Keys)
        {
            var value = pairs[key];
            try
            {
                npgsql[key] = value;
            }
            catch (ArgumentException exception) when (exception.InnerException is FormatException or OverflowException or ArgumentException)
            {
                // Never echo a secret back into a log.
                var shown = key.Contains("password", StringComparison.OrdinalIgnoreCase) ? string.Empty : $" '{value}'";
                throw new NodeSetupException($"{setting}: giá trị{shown} của khóa '{key}' không đọc được.");
            }
            catch (ArgumentException)
            {
                // With a password in the string, the "key" may be the end of a password with a ';' in it: not repeated.
                throw new NodeSetupException(hasPassword
                    ? $"{setting}: có một khóa Npgsql không biết. {QuoteHint}"
                    : $"{setting}: Npgsql không biết khóa '{key}'.");
            }
        }
    }

    /// <summary>
    /// Every log level under <c>Logging</c> (<c>Logging:LogLevel:Default</c>, <c>Logging:Console:LogLevel:…</c>) must be
    /// one the logging configuration reads; "Verbose" ended the node with code 134 while the log was being built.
    /// </summary>
    /// <exception cref="NodeSetupException">One is not.</exception>
    public static void CheckLogLevels(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var (key, value) in configuration.GetSection("Logging").AsEnumerable())
        {
            // A blank one is skipped by the logging configuration, as here.
            if (!string.IsNullOrEmpty(value) && key.Contains(":LogLevel:", StringComparison.OrdinalIgnoreCase) && !Enum.TryParse<LogLevel>(value, ignoreCase: true, out _))
            {
                throw new NodeSetupException($"{key} = '{value}' không đọc được: cần một trong {string.Join(", ", Enum.GetNames<LogLevel>())}.");
            }
        }
    }

    /// <summary>
    /// Runs the options' own checks (ValidateOnStart) now, once the services are built and before the host starts, so a
    /// failure is one line: when the host runs them it logs "Hosting failed to start" with the stack trace first.
    /// </summary>
    /// <exception cref="NodeSetupException">A check failed; the message gives every failure.</exception>
    public static void CheckOptions(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException exception)
        {
            throw new NodeSetupException(string.Join(" ", exception.Failures), exception);
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is OptionsValidationException))
        {
            throw new NodeSetupException(string.Join(" ", exception.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures)), exception);
        }
    }

    private const string QuoteHint = "Nếu mật khẩu có dấu ';', '=' hoặc dấu nháy, đặt nó trong dấu nháy đơn: Password='...'.";

    private static void Check(IConfigurationSection section, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var child = section.GetSection(property.Name);
            var propertyType = property.PropertyType;
            if (propertyType == typeof(string))
            {
                continue;
            }

            if (ElementOf(propertyType) is { } element)
            {
                foreach (var item in child.GetChildren())
                {
                    CheckValue(item, element);
                }

                continue;
            }

            CheckValue(child, propertyType);
        }
    }

    private static void CheckValue(IConfigurationSection setting, Type type)
    {
        var converter = TypeDescriptor.GetConverter(type);
        if (converter.CanConvertFrom(typeof(string)))
        {
            if (setting.Value is "" && type.IsValueType && Nullable.GetUnderlyingType(type) is null)
            {
                // A blank line of an environment file (Leaderboard__Ledger__Shards=): the binder cannot read it either.
                throw new NodeSetupException($"{setting.Path} để trống: cần {Expected(type)} (hoặc bỏ hẳn dòng này để dùng giá trị mặc định).");
            }

            if (setting.Value is { Length: > 0 } value)
            {
                try
                {
                    converter.ConvertFromInvariantString(value);
                }
                catch (Exception exception) when (exception is FormatException or ArgumentException or OverflowException or NotSupportedException)
                {
                    throw new NodeSetupException($"{setting.Path} = '{value}' không đọc được: cần {Expected(type)}.");
                }
            }
        }
        else if (type.IsClass && type != typeof(string))
        {
            Check(setting, type);
        }
    }

    /// <summary>The element type of a list setting (<c>List&lt;T&gt;</c>, <c>T[]</c>), or null.</summary>
    private static Type? ElementOf(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments() is [var element]
            ? element
            : null;
    }

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(TimeSpan))
        {
            return "một khoảng thời gian giờ:phút:giây, ví dụ 00:00:00.050 (50 mili giây) hoặc 00:02:00 (2 phút)";
        }

        if (type == typeof(bool))
        {
            return "true hoặc false";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return "một số nguyên, ví dụ 64";
        }

        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
        {
            return "một số, dấu chấm thập phân, ví dụ 0.5";
        }

        return type.IsEnum
            ? "một trong " + string.Join(", ", Enum.GetNames(type))
            : string.Create(CultureInfo.InvariantCulture, $"một giá trị kiểu {type.Name}");
    }
}
