using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using ConfigCat.Tests.Support;

namespace ConfigCat.Tests.Differential
{
    /// <summary>
    /// The repository's oracle (tests/oracle, on @configcat/sdk), installed with npm ci into a folder under the system's
    /// temporary folder, never into the source tree, and reused by later runs while its sources stay the same. Node.js
    /// and npm are required: without them the differential tests fail, they are never skipped.
    /// </summary>
    public static class NodeOracle
    {
        private const int MinimumNodeMajor = 20;

        private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
        private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);
        private static readonly Lazy<string> InstalledPath = new Lazy<string>(Install, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>The installed copy (with node_modules).</summary>
        public static string Directory => InstalledPath.Value;

        /// <summary>Runs node in the installed copy and returns its standard output; throws with its error output when
        /// it fails.</summary>
        public static string RunNode(params string[] arguments) => Run(NodeExecutable, Directory, RunTimeout, arguments);

        /// <summary>
        /// Runs <paramref name="work"/> on <paramref name="directory"/> unless a completed earlier run left it there,
        /// holding a lock file so that concurrent test processes do not build the same folder at once.
        /// </summary>
        public static void BuildOnce(string directory, Action<string> work)
        {
            var done = Path.Combine(directory, ".complete");
            using (AcquireLock(directory + ".lock"))
            {
                if (File.Exists(done))
                {
                    return;
                }

                if (System.IO.Directory.Exists(directory))
                {
                    System.IO.Directory.Delete(directory, recursive: true);
                }

                System.IO.Directory.CreateDirectory(directory);
                work(directory);
                File.WriteAllText(done, DateTime.UtcNow.ToString("O"));
            }
        }

        private static string NodeExecutable => OperatingSystem.IsWindows() ? "node.exe" : "node";

        private static string NpmExecutable => OperatingSystem.IsWindows() ? "npm.cmd" : "npm";

        private static string Install()
        {
            var source = TestPaths.Oracle;

            // Even when an earlier run left everything in the cache, a machine without node or npm must fail here.
            var version = Run(NodeExecutable, source, RunTimeout, "--version").Trim();
            if (!int.TryParse(version.TrimStart('v').Split('.')[0], out var major) || major < MinimumNodeMajor)
            {
                throw new InvalidOperationException("The differential tests need Node.js " + MinimumNodeMajor + " or later; 'node --version' says '"
                    + version + "'.");
            }

            Run(NpmExecutable, source, RunTimeout, "--version");
            var target = Path.Combine(Path.GetTempPath(), "configcat-ps-oracle", SourceHash(source));
            BuildOnce(target, directory =>
            {
                foreach (var file in SourceFiles(source))
                {
                    var destination = Path.Combine(directory, Path.GetRelativePath(source, file));
                    System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                    File.Copy(file, destination);
                }

                Run(NpmExecutable, directory, InstallTimeout, "ci", "--no-audit", "--no-fund");
            });
            return target;
        }

        /// <summary>The oracle's files, without a node_modules folder someone installed by hand in the source tree.</summary>
        private static string[] SourceFiles(string source) => System.IO.Directory
            .GetFiles(source, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(source, f).Split(Path.DirectorySeparatorChar).Contains("node_modules"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();

        /// <summary>A short hash of the oracle's file names and contents: a changed oracle gets a fresh install.</summary>
        private static string SourceHash(string source)
        {
            using var sha = SHA256.Create();
            foreach (var file in SourceFiles(source))
            {
                var name = Encoding.UTF8.GetBytes(Path.GetRelativePath(source, file).Replace('\\', '/') + "\n");
                sha.TransformBlock(name, 0, name.Length, null, 0);
                var content = File.ReadAllBytes(file);
                sha.TransformBlock(content, 0, content.Length, null, 0);
            }

            sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
            return Convert.ToHexString(sha.Hash!).Substring(0, 16).ToLowerInvariant();
        }

        private static IDisposable AcquireLock(string path)
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var deadline = DateTime.UtcNow + InstallTimeout;
            while (true)
            {
                try
                {
                    return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(200);
                }
            }
        }

        private static string Run(string executable, string workingDirectory, TimeSpan timeout, params string[] arguments)
        {
            var startInfo = new ProcessStartInfo(executable)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            Process process;
            try
            {
                process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start " + executable);
            }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException("The differential tests need Node.js " + MinimumNodeMajor + " or later and npm on the PATH ('"
                    + executable + "' could not be started: " + e.Message + "). Install them; these tests are never skipped.", e);
            }

            using (process)
            {
                var error = process.StandardError.ReadToEndAsync();
                var output = process.StandardOutput.ReadToEndAsync();
                if (!process.WaitForExit((int)timeout.TotalMilliseconds))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException(executable + " " + string.Join(" ", arguments) + " did not finish within " + timeout);
                }

                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException(executable + " " + string.Join(" ", arguments) + " failed with exit code " + process.ExitCode
                        + " in " + workingDirectory + ":\n" + error.Result + output.Result);
                }

                return output.Result;
            }
        }
    }
}
