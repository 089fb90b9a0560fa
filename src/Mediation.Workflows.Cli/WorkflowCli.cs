using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Mediation.Workflows.Cli;

/// <summary>
/// <c>mediation-workflows</c>: checks, simulates and draws workflow definitions from a <c>workflows/</c> folder.
/// </summary>
/// <remarks>
/// It is a project of its own, referencing only <c>Mediation.Workflows</c>, because administrators keep their
/// workflow definitions and calendars in git and check them in CI before they reach a running service: a pull
/// request that breaks a definition fails there, with the same compiler and engine the service runs, without
/// building or starting the web host, its database or its configuration.
/// </remarks>
[SuppressMessage("Maintainability", "CA1515:Consider making public types internal", Justification = "The CLI's tests run it in-process through Run.")]
public static class WorkflowCli
{
    /// <summary>The process entry point.</summary>
    public static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        return Run(args, Console.Out, Console.Error);
    }

    /// <summary>Runs one command, writing results to <paramref name="stdout"/> and complaints to <paramref name="stderr"/>.</summary>
    /// <returns><see cref="ExitCodes.Ok"/>, <see cref="ExitCodes.Invalid"/> or <see cref="ExitCodes.Usage"/>.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        CommandLine line;
        try
        {
            line = CommandLine.Parse(args);
        }
        catch (UsageException e)
        {
            return UsageError(stderr, e.Message);
        }

        if (line.Help || line.Command is null)
        {
            var writer = line.Help ? stdout : stderr;
            writer.Write(Usage);
            return line.Help ? ExitCodes.Ok : ExitCodes.Usage;
        }

        try
        {
            return line.Command switch
            {
                "validate" => ValidateCommand.Run(line, stdout, stderr),
                "simulate" => SimulateCommand.Run(line, stdout, stderr),
                "mermaid" => MermaidCommand.Run(line, stdout, stderr),
                _ => throw new UsageException($"unknown command '{line.Command}'"),
            };
        }
        catch (UsageException e)
        {
            return UsageError(stderr, e.Message);
        }
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"mediation-workflows: {message}");
        stderr.WriteLine("Run 'mediation-workflows --help' for usage.");
        return ExitCodes.Usage;
    }

    /// <summary>The help text.</summary>
    public const string Usage = """
        mediation-workflows: check, simulate and draw Mediation workflow definitions.

        Usage:
          mediation-workflows validate <workflows-folder> [--json]
              Compiles every definition (*.json at the folder's top level) against the folder's calendars/
              and bodies.json. Prints each issue as 'file: severity code path: message' (zh-CN / en), or a
              JSON report with --json.
          mediation-workflows simulate <workflows-folder> <workflow-key> <script.json> [--lang en|zh-CN]
              Runs a scripted dispute through the workflow on a virtual clock, firing deadlines as they fall
              due, and prints the trace, the step path and the final state (times in +08:00). A script with
              mistakes is not run: each is printed as 'script.json: code path: message' in the --lang language.
          mediation-workflows mermaid <workflows-folder> <workflow-key> [--lang en|zh-CN]
              Prints the workflow as a Mermaid state diagram.
          mediation-workflows --help

        Exit codes:
          0  validate: every definition compiles (warnings allowed); simulate, mermaid: done
             (a simulation whose events were rejected still exits 0; the rejections are printed)
          1  a definition has errors (for simulate and mermaid: the chosen workflow's)
          2  usage error, unreadable folder, calendars or bodies, unknown workflow key, or a bad script

        Script (simulate):
          { "facts": { "category": "neighbour", "claimedAmount": 1000, "partyCount": 2, "channel": "online",
                       "tags": [], "location": "150302001001", "filedAt": "2026-03-02T09:00:00+08:00",
                       "receivedAt": null },
            "events": [ { "event": "takenUp", "at": "2026-03-02T15:00:00+08:00" },
                        { "event": "extensionGranted", "after": "P10D", "extension": "P10D",
                          "by": ["applicant", "respondent"] },
                        { "event": "agreementReached", "after": "P5D", "agreementForm": "written",
                          "effectiveAt": "2026-03-17T11:00:00+08:00" },
                        { "event": "mediationFailed", "reason": "..." } ],
            "until": "2026-06-01T00:00:00+08:00" }
          Each event happens 'at' an instant or 'after' a duration counted in the workflow's calendar from
          the previous event (or the filing); with neither, at the previous event's moment.

        """;
}

/// <summary>The process exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Done; for validate, every definition compiles.</summary>
    public const int Ok = 0;

    /// <summary>A definition has errors.</summary>
    public const int Invalid = 1;

    /// <summary>The command line, the folder or the script is wrong.</summary>
    public const int Usage = 2;
}
