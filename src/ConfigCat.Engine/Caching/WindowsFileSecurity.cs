using System;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;

namespace ConfigCat.Engine.Caching
{
    /// <summary>
    /// Owner and DACL of files and folders on Windows through advapi32, because netstandard2.0 has no ACL API and the
    /// packages that add one would grow the module's .NET Framework dependencies. Everything crosses this boundary as
    /// SDDL text, which <see cref="WindowsSecurityDescriptor"/> reads; only call it on Windows.
    /// </summary>
    internal static class WindowsFileSecurity
    {
        private const int SeFileObject = 1;
        private const uint OwnerSecurityInformation = 0x1;
        private const uint DaclSecurityInformation = 0x4;
        private const uint SddlRevision = 1;
        private const uint TokenQuery = 0x8;
        private const int TokenUser = 1;
        private const int ErrorAlreadyExists = 183;

        private static readonly Lazy<string> CurrentUserSddl = new Lazy<string>(ReadCurrentUser);

        /// <summary>The process user as SDDL writes it in an owner ("SY" for SYSTEM, otherwise usually a SID string).</summary>
        public static string CurrentUser => CurrentUserSddl.Value;

        /// <summary>The owner and DACL of <paramref name="path"/> (a file or folder, so held to the stricter folder
        /// limit) as SDDL.</summary>
        public static string Describe(string path)
        {
            var error = GetNamedSecurityInfoW(Win32Path.ForCurrentPlatform(path, isDirectory: true), SeFileObject, OwnerSecurityInformation | DaclSecurityInformation,
                IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, out var descriptor);
            if (error != 0)
            {
                throw new IOException("Cannot read the owner and permissions of '" + path + "': " + new Win32Exception(error).Message);
            }

            try
            {
                return ToSddl(descriptor, OwnerSecurityInformation | DaclSecurityInformation);
            }
            finally
            {
                LocalFree(descriptor);
            }
        }

        /// <summary>Creates the folder (its parent must exist) with a protected DACL that its files and subfolders
        /// inherit: full control for the current user, and for SYSTEM and Administrators, who could take it over
        /// anyway and whom backup and maintenance run as. A folder that already exists is left as it is.</summary>
        public static void CreateOwnerOnlyDirectory(string path)
        {
            var sddl = "D:P(A;OICI;FA;;;" + CurrentUser + ")(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)";
            var descriptor = FromSddl(sddl);
            try
            {
                var attributes = new SecurityAttributes
                {
                    Length = Marshal.SizeOf(typeof(SecurityAttributes)),
                    SecurityDescriptor = descriptor,
                };
                if (!CreateDirectoryW(Win32Path.ForCurrentPlatform(path, isDirectory: true), ref attributes) && Marshal.GetLastWin32Error() != ErrorAlreadyExists)
                {
                    throw new IOException("Cannot create the folder '" + path + "': " + new Win32Exception(Marshal.GetLastWin32Error()).Message);
                }
            }
            finally
            {
                LocalFree(descriptor);
            }
        }

        /// <summary>The token's user SID, spelled as SDDL spells it in an owner (an alias such as "LA" where one
        /// exists), by converting a descriptor that has just that owner.</summary>
        private static string ReadCurrentUser()
        {
            if (!OpenProcessToken(GetCurrentProcess(), TokenQuery, out var token))
            {
                throw new Win32Exception(Marshal.GetLastWin32Error());
            }

            string sid;
            try
            {
                GetTokenInformation(token, TokenUser, IntPtr.Zero, 0, out var length);
                var buffer = Marshal.AllocHGlobal(length);
                try
                {
                    if (!GetTokenInformation(token, TokenUser, buffer, length, out length))
                    {
                        throw new Win32Exception(Marshal.GetLastWin32Error());
                    }

                    // TOKEN_USER begins with the pointer to the SID.
                    if (!ConvertSidToStringSidW(Marshal.ReadIntPtr(buffer), out var text))
                    {
                        throw new Win32Exception(Marshal.GetLastWin32Error());
                    }

                    sid = TakeString(text);
                }
                finally
                {
                    Marshal.FreeHGlobal(buffer);
                }
            }
            finally
            {
                CloseHandle(token);
            }

            var descriptor = FromSddl("O:" + sid);
            try
            {
                return WindowsSecurityDescriptor.Parse(ToSddl(descriptor, OwnerSecurityInformation)).Owner;
            }
            finally
            {
                LocalFree(descriptor);
            }
        }

        private static IntPtr FromSddl(string sddl)
        {
            if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, SddlRevision, out var descriptor, IntPtr.Zero))
            {
                throw new Win32Exception(Marshal.GetLastWin32Error());
            }

            return descriptor;
        }

        private static string ToSddl(IntPtr descriptor, uint information)
        {
            if (!ConvertSecurityDescriptorToStringSecurityDescriptorW(descriptor, SddlRevision, information, out var text, IntPtr.Zero))
            {
                throw new Win32Exception(Marshal.GetLastWin32Error());
            }

            return TakeString(text);
        }

        private static string TakeString(IntPtr text)
        {
            try
            {
                return Marshal.PtrToStringUni(text) ?? string.Empty;
            }
            finally
            {
                LocalFree(text);
            }
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct SecurityAttributes
        {
            public int Length;
            public IntPtr SecurityDescriptor;
            public int InheritHandle;
        }

        [DllImport("advapi32.dll", CharSet = CharSet.Unicode)]
        private static extern int GetNamedSecurityInfoW(string objectName, int objectType, uint securityInfo,
            IntPtr owner, IntPtr group, IntPtr dacl, IntPtr sacl, out IntPtr securityDescriptor);

        [DllImport("advapi32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern bool ConvertSecurityDescriptorToStringSecurityDescriptorW(IntPtr securityDescriptor, uint revision,
            uint securityInformation, out IntPtr text, IntPtr textLength);

        [DllImport("advapi32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern bool ConvertStringSecurityDescriptorToSecurityDescriptorW(string text, uint revision,
            out IntPtr securityDescriptor, IntPtr securityDescriptorSize);

        [DllImport("advapi32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern bool ConvertSidToStringSidW(IntPtr sid, out IntPtr text);

        [DllImport("advapi32.dll", SetLastError = true)]
        private static extern bool OpenProcessToken(IntPtr process, uint desiredAccess, out IntPtr token);

        [DllImport("advapi32.dll", SetLastError = true)]
        private static extern bool GetTokenInformation(IntPtr token, int informationClass, IntPtr information, int length, out int returnLength);

        [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern bool CreateDirectoryW(string path, ref SecurityAttributes securityAttributes);

        [DllImport("kernel32.dll")]
        private static extern IntPtr GetCurrentProcess();

        [DllImport("kernel32.dll")]
        private static extern bool CloseHandle(IntPtr handle);

        [DllImport("kernel32.dll")]
        private static extern IntPtr LocalFree(IntPtr memory);
    }
}
