using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ConfigCat.PowerShell.Loading;

namespace ConfigCat.DesktopHost
{
    /// <summary>
    /// Usage: <c>ConfigCat.DesktopHost.exe &lt;staged module folder&gt;</c>. Ends with the line <c>N passed, N failed</c>;
    /// exits 0 only when every case passed and every module and dependency assembly came from the staged folder.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length != 1 || !File.Exists(Path.Combine(args[0], "ConfigCat.PowerShell.dll")))
            {
                Console.Error.WriteLine("Usage: ConfigCat.DesktopHost.exe <staged module folder holding ConfigCat.PowerShell.dll>.");
                return 2;
            }

            var hostDirectory = AppDomain.CurrentDomain.BaseDirectory;
            var besideHost = Directory.GetFileSystemEntries(hostDirectory)
                .Where(entry => !string.Equals(Path.GetFileName(entry), Path.GetFileName(typeof(Program).Assembly.Location), StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (besideHost.Count > 0)
            {
                Console.Error.WriteLine("The host must run alone in its folder, so that nothing but the staged module can answer a bind; found: " + string.Join(", ", besideHost));
                return 2;
            }

            var module = new StagedModule(Path.GetFullPath(args[0]));
            module.Attach();
            Console.WriteLine("Runtime: " + RuntimeInformation.FrameworkDescription + "; module: " + module.Directory);
            RegisterModuleResolver();

            var matrices = CountedRun(ConformanceRun.Matrices);
            var logs = CountedRun(ConformanceRun.EvaluationLogs);
            var strayAssemblies = module.AssembliesLoadedFromElsewhere();
            foreach (var stray in strayAssemblies)
            {
                Console.WriteLine("FAIL loaded from outside the staged module: " + stray);
            }

            var passed = matrices.Passed + logs.Passed;
            var failed = matrices.Failed + logs.Failed + strayAssemblies.Count;
            Console.WriteLine("matrix evaluations: passed=" + matrices.Passed + " failed=" + matrices.Failed);
            Console.WriteLine("evaluation-log fixtures: passed=" + logs.Passed + " failed=" + logs.Failed);
            Console.WriteLine(passed + " passed, " + failed + " failed");
            return failed == 0 ? 0 : 1;
        }

        /// <summary>A run that cannot even start (a type of the cases failing to load) counts as one failure.</summary>
        private static (int Passed, int Failed) CountedRun(Func<(int Passed, int Failed)> run)
        {
            try
            {
                return run();
            }
            catch (Exception exception)
            {
                Console.WriteLine("FAIL the run did not start: " + exception);
                return (0, 1);
            }
        }

        /// <summary>What the module's import hook does in Windows PowerShell 5.1. The hook itself cannot run here: it
        /// implements an interface of System.Management.Automation, which PowerShell provides and the module never ships.
        /// Kept out of Main so that ConfigCat.PowerShell is bound only after the staged module is attached.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RegisterModuleResolver()
        {
            var runtime = RuntimeInformation.FrameworkDescription;
            if (!runtime.StartsWith(".NET Framework", StringComparison.Ordinal))
            {
                // Mono stands in for .NET Framework here; the resolver must act as it does on Windows PowerShell 5.1.
                runtime = ".NET Framework 4.8 (stood in for by " + runtime + ")";
            }

            DependencyResolver.ForModule(runtime).Register();
        }
    }
}
