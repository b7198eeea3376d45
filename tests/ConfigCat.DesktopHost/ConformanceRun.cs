using System;
using System.Runtime.CompilerServices;
using ConfigCat.Tests.Conformance;

namespace ConfigCat.DesktopHost
{
    /// <summary>The conformance cases the xunit suite runs, counted here instead of reported per case. Each run is its own
    /// method so that the host binds nothing of the engine or System.Text.Json before the module's resolver is registered.</summary>
    internal static class ConformanceRun
    {
        private const int ShownFailures = 20;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static (int Passed, int Failed) Matrices()
        {
            var passed = 0;
            var failed = 0;
            foreach (var (configFile, row, key) in MatrixCases.All())
            {
                var mismatch = Attempt(() => MatrixCases.Mismatch(configFile, row, key));
                Count(mismatch, configFile + " row " + row + " " + key, ref passed, ref failed);
            }

            return (passed, failed);
        }

        /// <summary>Runs after <see cref="Matrices"/>: its JSON reading needs System.Text.Json, which the host takes from the
        /// module once the engine has loaded it.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static (int Passed, int Failed) EvaluationLogs()
        {
            var passed = 0;
            var failed = 0;
            foreach (var (set, index, expectedLogFile) in EvaluationLogCases.All())
            {
                var mismatch = Attempt(() =>
                {
                    var (expected, actual) = EvaluationLogCases.Logs(set, index, expectedLogFile);
                    return expected == actual ? null : "expected log:\n" + expected + "\nactual log:\n" + actual;
                });
                Count(mismatch, set + "/" + expectedLogFile, ref passed, ref failed);
            }

            return (passed, failed);
        }

        private static string? Attempt(Func<string?> check)
        {
            try
            {
                return check();
            }
            catch (Exception exception)
            {
                return exception.ToString();
            }
        }

        private static void Count(string? mismatch, string name, ref int passed, ref int failed)
        {
            if (mismatch == null)
            {
                passed++;
                return;
            }

            failed++;
            if (failed <= ShownFailures)
            {
                Console.WriteLine("FAIL " + name + ": " + mismatch);
            }
        }
    }
}
