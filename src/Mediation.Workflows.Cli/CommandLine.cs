namespace Mediation.Workflows.Cli;

/// <summary>A parsed command line: the command, its positional arguments and its options.</summary>
internal sealed class CommandLine
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--json" };
    private static readonly HashSet<string> Valued = new(StringComparer.Ordinal) { "--lang" };

    private readonly Dictionary<string, string?> _options;

    private CommandLine(string? command, List<string> positional, Dictionary<string, string?> options, bool help)
    {
        Command = command;
        Positional = positional;
        _options = options;
        Help = help;
    }

    public string? Command { get; }

    public IReadOnlyList<string> Positional { get; }

    public bool Help { get; }

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        string? command = null;
        var positional = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var help = false;
        var optionsEnded = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!optionsEnded && arg == "--")
            {
                optionsEnded = true;
                continue;
            }

            if (!optionsEnded && arg is "--help" or "-h" or "-?")
            {
                help = true;
                continue;
            }

            if (!optionsEnded && arg.StartsWith('-') && arg.Length > 1)
            {
                var equals = arg.IndexOf('=', StringComparison.Ordinal);
                var name = equals > 0 ? arg[..equals] : arg;
                if (Flags.Contains(name))
                {
                    if (equals > 0)
                    {
                        throw new UsageException($"option '{name}' takes no value");
                    }

                    options[name] = null;
                }
                else if (Valued.Contains(name))
                {
                    if (equals > 0)
                    {
                        options[name] = arg[(equals + 1)..];
                    }
                    else if (i + 1 < args.Count)
                    {
                        options[name] = args[++i];
                    }
                    else
                    {
                        throw new UsageException($"option '{name}' needs a value");
                    }
                }
                else
                {
                    throw new UsageException($"unknown option '{arg}'");
                }

                continue;
            }

            if (command is null)
            {
                command = arg;
            }
            else
            {
                positional.Add(arg);
            }
        }

        return new CommandLine(command, positional, options, help);
    }

    /// <summary>Checks that the command got exactly the positional arguments it names, and only the options it allows.</summary>
    public void Expect(string[] names, params string[] allowedOptions)
    {
        if (Positional.Count != names.Length)
        {
            var usage = $"{Command} {string.Join(' ', names.Select(n => $"<{n}>"))}";
            throw new UsageException(Positional.Count < names.Length
                ? $"'{Command}' needs {string.Join(", ", names.Skip(Positional.Count).Select(n => $"<{n}>"))}: {usage}"
                : $"'{Command}' takes {names.Length} argument(s), got {Positional.Count}: {usage}");
        }

        foreach (var option in _options.Keys)
        {
            if (!allowedOptions.Contains(option, StringComparer.Ordinal))
            {
                throw new UsageException($"'{Command}' does not take option '{option}'");
            }
        }
    }

    public bool Has(string option) => _options.ContainsKey(option);

    public string? Value(string option) => _options.TryGetValue(option, out var value) ? value : null;
}

/// <summary>The command line, the folder or a script is not usable; exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
