using System;
using System.IO;

namespace ConfigCat.Bench
{
    /// <summary>Where the repository, the shared conformance data and the bench output are. BenchmarkDotNet runs each
    /// benchmark in a child process built under bin/, so everything is found from the repository root upwards of the
    /// running assembly, exactly as the xunit tests find it (CONFIGCAT_TESTDATA overrides the data folder).</summary>
    internal static class BenchPaths
    {
        private static readonly Lazy<string> Root = new Lazy<string>(() =>
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "ConfigCat.PowerShell.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
        });

        public static string RepositoryRoot => Root.Value;

        public static string TestData
        {
            get
            {
                var overridden = Environment.GetEnvironmentVariable("CONFIGCAT_TESTDATA");
                var path = string.IsNullOrEmpty(overridden) ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "testdata")) : overridden;
                if (!Directory.Exists(path))
                {
                    throw new DirectoryNotFoundException("The shared conformance data is missing: expected it at " + path);
                }

                return path;
            }
        }

        public static string Matrix => Path.Combine(TestData, "matrix");

        /// <summary>Generated configs and exported corpora (out/bench, ignored by git like the rest of out/).</summary>
        public static string Output
        {
            get
            {
                var path = Path.Combine(RepositoryRoot, "out", "bench");
                Directory.CreateDirectory(path);
                return path;
            }
        }
    }
}
