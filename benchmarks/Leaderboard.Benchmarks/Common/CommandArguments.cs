using System.Globalization;

namespace Leaderboard.Benchmarks.Common;

/// <summary>
/// <c>--name value</c> pairs and bare flags of the commands other than <c>ingest</c>; everything after <c>--node</c>
/// is kept as it is for the web node. Unknown names are an error, so a typo never runs the wrong benchmark.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandArguments()
    {
    }

    /// <summary>Arguments after <c>--node</c>, passed to the web node as they are.</summary>
    public List<string> NodeArguments { get; } = [];

    public static CommandArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> valueNames, IReadOnlySet<string> flagNames)
    {
        var result = new CommandArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--node")
            {
                result.NodeArguments.AddRange(args.Skip(i + 1));
                break;
            }

            if (flagNames.Contains(name))
            {
                result._flags.Add(name);
                continue;
            }

            if (!valueNames.Contains(name))
            {
                throw new ArgumentException($"unknown option {name}");
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            result._values[name] = args[++i];
        }

        return result;
    }

    public bool Flag(string name) => _flags.Contains(name);

    public int Positive(string name, int defaultValue)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return defaultValue;
        }

        return int.TryParse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive integer.");
    }

    public int Integer(string name, int defaultValue) =>
        _values.TryGetValue(name, out var value)
            ? int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{name} must be an integer.")
            : defaultValue;
}
