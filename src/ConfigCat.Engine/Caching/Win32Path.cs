using System;

namespace ConfigCat.Engine.Caching
{
    /// <summary>
    /// Full paths as Win32 file functions accept them. Windows PowerShell 5.1's .NET Framework is not long-path aware:
    /// it refuses a path of 260 characters or more, or one whose folder has 248 or more, unless the path carries the
    /// extended-length prefix, which also lets Win32 functions called directly go past MAX_PATH.
    /// </summary>
    internal static class Win32Path
    {
        private const int MaxPath = 260;
        private const int MaxDirectory = 248;
        private const string ExtendedPrefix = @"\\?\";
        private const string ExtendedUncPrefix = @"\\?\UNC\";

        /// <summary>The path with the extended-length prefix on Windows where it is needed; elsewhere unchanged.</summary>
        public static string ForCurrentPlatform(string fullPath, bool isDirectory = false) =>
            UnixFilePermissions.IsUnix ? fullPath : Extend(fullPath, isDirectory);

        /// <summary>A fully qualified Windows path (drive or UNC) with the prefix when it is too long without it; a
        /// folder's own path is held to the folder limit. The prefix turns off Windows' own normalization, so forward
        /// slashes become backslashes.</summary>
        public static string Extend(string fullPath, bool isDirectory = false)
        {
            if (fullPath.StartsWith(@"\\?\", StringComparison.Ordinal) || fullPath.StartsWith(@"\\.\", StringComparison.Ordinal))
            {
                return fullPath;
            }

            var directoryLength = isDirectory ? fullPath.Length : Math.Max(fullPath.LastIndexOf('\\'), fullPath.LastIndexOf('/'));
            if (fullPath.Length < MaxPath && directoryLength < MaxDirectory)
            {
                return fullPath;
            }

            var path = fullPath.Replace('/', '\\');
            return path.StartsWith(@"\\", StringComparison.Ordinal)
                ? ExtendedUncPrefix + path.Substring(2)
                : ExtendedPrefix + path;
        }
    }
}
