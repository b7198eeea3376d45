using System.IO;
using System.Runtime.InteropServices;

namespace ConfigCat.Engine.Caching
{
    /// <summary>Restricts files and folders to their owner on Unix. netstandard2.0 has no API for file modes, so this
    /// calls libc's chmod. On Windows a protected DACL does that (see <see cref="WindowsFileSecurity"/>).</summary>
    internal static class UnixFilePermissions
    {
        private const uint OwnerReadWrite = 0x180; // 0600
        private const uint OwnerAll = 0x1C0; // 0700

        public static bool IsUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        public static void RestrictFileToOwner(string path) => Change(path, OwnerReadWrite);

        public static void RestrictDirectoryToOwner(string path) => Change(path, OwnerAll);

        private static void Change(string path, uint mode)
        {
            if (IsUnix && chmod(path, mode) != 0)
            {
                throw new IOException("Cannot restrict the permissions of '" + path + "' (errno " + Marshal.GetLastWin32Error() + ").");
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int chmod(string pathname, uint mode);
    }
}
