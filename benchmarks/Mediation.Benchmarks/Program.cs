using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Mediation.Benchmarks;

/// <summary>
/// Runs the engine benchmarks: <c>dotnet run -c Release --project benchmarks/Mediation.Benchmarks -- --filter '*'</c>.
/// Results go to <c>benchmarks/Mediation.Benchmarks/BenchmarkDotNet.Artifacts/</c> (ignored by git) unless
/// <c>--artifacts</c> says otherwise.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(ProjectFolder(), "BenchmarkDotNet.Artifacts"));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }

    private static string ProjectFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Mediation.Benchmarks.csproj")))
            {
                return directory.FullName;
            }
        }

        return Path.Combine(Environment.CurrentDirectory, "benchmarks", "Mediation.Benchmarks");
    }
}
