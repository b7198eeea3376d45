using System.Globalization;

namespace ConfigCat.Engine.Caching
{
    /// <summary>
    /// Whether a cache folder or file may feed the client its flag values: not when someone other than the current
    /// user can write it, e.g. a folder another user created first in a shared temp directory. On Unix that is an
    /// owner other than the current user, or write permission for the group or everyone.
    /// </summary>
    internal static class CacheTrust
    {
        private const uint GroupWrite = 0x10; // 020
        private const uint OthersWrite = 0x2; // 002

        /// <summary>Why the entry is not trusted, as the end of a sentence; null when it is.</summary>
        public static string? UnixDistrust(uint owner, uint mode, uint currentUser)
        {
            if (owner != currentUser)
            {
                return "is owned by another user (uid " + owner.ToString(CultureInfo.InvariantCulture) + ", not "
                    + currentUser.ToString(CultureInfo.InvariantCulture) + ")";
            }

            if ((mode & (GroupWrite | OthersWrite)) != 0)
            {
                return "can be written by other users (mode " + System.Convert.ToString(mode, 8).PadLeft(4, '0') + ")";
            }

            return null;
        }

        /// <summary>The distrust of an existing folder or file; on Windows null, where the owner-only ACL of the
        /// user's profile folders is relied upon (see the README).</summary>
        public static string? Check(string path)
        {
            if (!UnixFilePermissions.IsUnix)
            {
                return null;
            }

            UnixFileOwnership.Read(path, out var owner, out var mode);
            return UnixDistrust(owner, mode, UnixFileOwnership.CurrentUser);
        }
    }
}
