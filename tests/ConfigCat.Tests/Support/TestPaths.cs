using System;
using System.IO;

namespace ConfigCat.Tests.Support
{
    /// <summary>Where the repository and the conformance data are. The data is part of the repository
    /// (<c>tests/ConformanceData</c>, see its README); CONFIGCAT_TESTDATA points the tests at another copy.</summary>
    public static class TestPaths
    {
        private static readonly Lazy<string> RepositoryRootPath = new Lazy<string>(() =>
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "ConfigCat.PowerShell.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
        });

        public static string RepositoryRoot => RepositoryRootPath.Value;

        public static string TestData
        {
            get
            {
                var overridden = Environment.GetEnvironmentVariable("CONFIGCAT_TESTDATA");
                var path = string.IsNullOrEmpty(overridden) ? Path.Combine(RepositoryRoot, "tests", "ConformanceData") : overridden;
                if (!Directory.Exists(path))
                {
                    throw new DirectoryNotFoundException("The conformance data is missing: expected it at " + path);
                }

                return path;
            }
        }

        /// <summary>The differential tests' oracle, <c>tests/oracle</c> (see its README); the tests install a copy of it
        /// elsewhere, so the source folder stays as git has it.</summary>
        public static string Oracle => Path.Combine(RepositoryRoot, "tests", "oracle");

        public static string Matrix(string fileName) => Path.Combine(TestData, "matrix", fileName);

        public static string EvaluationLog(string fileName) => Path.Combine(TestData, "evaluationlog", fileName);

        public static string Misc(string fileName) => Path.Combine(TestData, "misc", fileName);
    }
}
