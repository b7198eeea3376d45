using System.IO;
using ConfigCat.Tests.Support;

namespace ConfigCat.Bench
{
    /// <summary>Where the conformance data and the bench output are. The repository and the data are found as the
    /// xunit tests find them (tests/ConfigCat.Tests/Support/TestPaths.cs, compiled into this project too): BenchmarkDotNet
    /// runs each benchmark in a child process built under bin/, below the repository root like the test binaries.</summary>
    internal static class BenchPaths
    {
        public static string Matrix => Path.Combine(TestPaths.TestData, "matrix");

        /// <summary>Generated configs and exported corpora (out/bench, ignored by git like the rest of out/).</summary>
        public static string Output
        {
            get
            {
                var path = Path.Combine(TestPaths.RepositoryRoot, "out", "bench");
                Directory.CreateDirectory(path);
                return path;
            }
        }
    }
}
