using System;
using System.IO;
using System.Runtime.InteropServices;

namespace ConfigCat.Engine.Caching
{
    /// <summary>
    /// Owner and mode of a file on Unix, which netstandard2.0 cannot ask for. The runtime's own native shim is used
    /// rather than libc's stat, whose structure differs between Linux architectures and macOS: .NET ships it as
    /// System.Native with SystemNative_Stat, Mono as libmono-native with the older name SystemNative_Stat2; both
    /// structures begin with the flags, the mode, the owner and the group.
    /// </summary>
    internal static class UnixFileOwnership
    {
        private const string NativeShim = "System.Native";

        public static uint CurrentUser => SystemNative_GetEUid();

        /// <summary>The owner's uid and the permission bits of <paramref name="path"/>, following symbolic links.</summary>
        public static void Read(string path, out uint owner, out uint mode)
        {
            FileStatus status;
            int result;
            try
            {
                result = SystemNative_Stat(path, out status);
            }
            catch (EntryPointNotFoundException)
            {
                result = SystemNative_Stat2(path, out status);
            }

            if (result != 0)
            {
                throw new IOException("Cannot read the owner and permissions of '" + path + "' (errno " + Marshal.GetLastWin32Error() + ").");
            }

            owner = status.Uid;
            mode = (uint)status.Mode & 0xFFF;
        }

        // The leading fields of the shim's FileStatus, with room for the rest, which differs between versions.
        [StructLayout(LayoutKind.Sequential, Size = 512)]
        private struct FileStatus
        {
            public int Flags;
            public int Mode;
            public uint Uid;
            public uint Gid;
        }

        [DllImport(NativeShim, SetLastError = true)]
        private static extern int SystemNative_Stat([MarshalAs(UnmanagedType.LPStr)] string path, out FileStatus status);

        [DllImport(NativeShim, SetLastError = true)]
        private static extern int SystemNative_Stat2([MarshalAs(UnmanagedType.LPStr)] string path, out FileStatus status);

        [DllImport(NativeShim)]
        private static extern uint SystemNative_GetEUid();
    }
}
