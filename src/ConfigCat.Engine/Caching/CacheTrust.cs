using System;
using System.Collections.Generic;
using System.Globalization;

namespace ConfigCat.Engine.Caching
{
    /// <summary>
    /// Whether a cache folder or file may feed the client its flag values: not when someone other than the current
    /// user can write it, e.g. a folder another user created first in a shared temp directory. On Unix that is an
    /// owner other than the current user, or write permission for the group or everyone. On Windows it is an owner
    /// other than the current user, SYSTEM or Administrators, or a DACL entry that lets anyone else change the entry
    /// (write, delete, change permissions or take ownership). SYSTEM and Administrators are trusted as owners and
    /// writers because they can take any file over anyway.
    /// </summary>
    internal static class CacheTrust
    {
        private const uint GroupWrite = 0x10; // 020
        private const uint OthersWrite = 0x2; // 002

        // File and folder rights that change content, names or permissions: write data (add file), append data (add
        // subfolder), write extended attributes, delete child, write attributes, delete, write DAC, write owner,
        // generic all and generic write. Read, execute and synchronize are harmless.
        private const uint WindowsWriteRights = 0x2 | 0x4 | 0x10 | 0x40 | 0x100 | 0x10000 | 0x40000 | 0x80000 | 0x10000000 | 0x40000000;

        private static readonly Dictionary<string, string> AliasBySid = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["S-1-5-18"] = "SY",
            ["S-1-5-32-544"] = "BA",
            ["S-1-3-0"] = "CO",
            ["S-1-3-4"] = "OW",
        };

        // The groups that DACLs commonly grant too much, by the names Windows shows for them.
        private static readonly Dictionary<string, string> NameByAlias = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["WD"] = "Everyone",
            ["AU"] = "Authenticated Users",
            ["BU"] = "Users",
            ["BG"] = "Guests",
            ["IU"] = "INTERACTIVE",
            ["SU"] = "SERVICE",
            ["NU"] = "NETWORK",
            ["AN"] = "ANONYMOUS LOGON",
            ["CO"] = "CREATOR OWNER",
        };

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

        /// <summary>Why the entry is not trusted, as the end of a sentence; null when it is. Trustees are SDDL aliases or
        /// SID strings, as Windows writes them in SDDL.</summary>
        public static string? WindowsDistrust(string owner, string currentUser, IEnumerable<WindowsAccessEntry> entries)
        {
            owner = Alias(owner);
            currentUser = Alias(currentUser);
            if (!IsTrustedWriter(owner, currentUser))
            {
                return "is owned by another user (" + owner + ", not " + currentUser + ")";
            }

            foreach (var entry in entries)
            {
                var trustee = Alias(entry.Trustee);
                var rights = entry.Rights & WindowsWriteRights;

                // CREATOR OWNER stands for whoever creates something inside; on the entry itself it grants nothing.
                var grantsOthers = rights != 0 && entry.Allows && !IsTrustedWriter(trustee, currentUser)
                    && !(trustee == "CO" && entry.InheritOnly);
                if (grantsOthers)
                {
                    var rightsShown = "rights 0x" + entry.Rights.ToString("x", CultureInfo.InvariantCulture);
                    return "can be written by " + (NameByAlias.TryGetValue(trustee, out var name)
                        ? name + " (" + trustee + ", " + rightsShown + ")"
                        : trustee + " (" + rightsShown + ")");
                }
            }

            return null;
        }

        /// <summary>The distrust of an existing folder or file.</summary>
        public static string? Check(string path)
        {
            if (UnixFilePermissions.IsUnix)
            {
                UnixFileOwnership.Read(path, out var owner, out var mode);
                return UnixDistrust(owner, mode, UnixFileOwnership.CurrentUser);
            }

            var sddl = WindowsFileSecurity.Describe(path);
            WindowsSecurityDescriptor descriptor;
            try
            {
                descriptor = WindowsSecurityDescriptor.Parse(sddl);
            }
            catch (FormatException)
            {
                return "has a security descriptor that cannot be checked (" + sddl + ")";
            }

            return WindowsDistrust(descriptor.Owner, WindowsFileSecurity.CurrentUser, descriptor.Entries);
        }

        // OWNER RIGHTS (OW) applies to the owner, who is trusted by the time entries are looked at.
        private static bool IsTrustedWriter(string trustee, string currentUser) =>
            trustee == currentUser || trustee == "SY" || trustee == "BA" || trustee == "OW";

        private static string Alias(string trustee) => AliasBySid.TryGetValue(trustee, out var alias) ? alias : trustee.ToUpperInvariant();
    }
}
