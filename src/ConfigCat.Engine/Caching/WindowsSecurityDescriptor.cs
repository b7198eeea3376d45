using System;
using System.Collections.Generic;
using System.Globalization;

namespace ConfigCat.Engine.Caching
{
    /// <summary>The owner and DACL of a file or folder, read from the SDDL text Windows gives for them
    /// (ConvertSecurityDescriptorToStringSecurityDescriptorW), so that the trust decision stays free of native
    /// structures and can be tested on any platform.</summary>
    internal sealed class WindowsSecurityDescriptor
    {
        private const uint GenericAll = 0x10000000;
        private const string Everyone = "WD";

        private static readonly Dictionary<string, uint> RightsByCode = new Dictionary<string, uint>(StringComparer.Ordinal)
        {
            ["GA"] = GenericAll, ["GR"] = 0x80000000, ["GW"] = 0x40000000, ["GX"] = 0x20000000,
            ["RC"] = 0x20000, ["SD"] = 0x10000, ["WD"] = 0x40000, ["WO"] = 0x80000,
            ["RP"] = 0x10, ["WP"] = 0x20, ["CC"] = 0x1, ["DC"] = 0x2, ["LC"] = 0x4, ["SW"] = 0x8,
            ["LO"] = 0x80, ["DT"] = 0x40, ["CR"] = 0x100,
            ["FA"] = 0x1F01FF, ["FR"] = 0x120089, ["FW"] = 0x120116, ["FX"] = 0x1200A0,
            ["KA"] = 0xF003F, ["KR"] = 0x20019, ["KW"] = 0x20006, ["KX"] = 0x20019,
        };

        private WindowsSecurityDescriptor(string owner, IReadOnlyList<WindowsAccessEntry> entries)
        {
            Owner = owner;
            Entries = entries;
        }

        public string Owner { get; }

        public IReadOnlyList<WindowsAccessEntry> Entries { get; }

        /// <summary>Reads "O:owner G:group D:flags(entry)(entry)…". A missing or null DACL grants everyone full
        /// control, and is returned as exactly that entry.</summary>
        /// <exception cref="FormatException">The text is not SDDL with an owner.</exception>
        public static WindowsSecurityDescriptor Parse(string sddl)
        {
            string? owner = null;
            string? dacl = null;
            foreach (var section in Sections(sddl))
            {
                if (section.Key == 'O')
                {
                    owner = section.Value;
                }
                else if (section.Key == 'D')
                {
                    dacl = section.Value;
                }
            }

            if (string.IsNullOrEmpty(owner))
            {
                throw new FormatException("The security descriptor '" + sddl + "' names no owner.");
            }

            return new WindowsSecurityDescriptor(owner!, dacl == null || dacl.StartsWith("NO_ACCESS_CONTROL", StringComparison.Ordinal)
                ? new[] { new WindowsAccessEntry(true, false, GenericAll, Everyone) }
                : ParseEntries(dacl));
        }

        /// <summary>Splits the text at its "O:", "G:", "D:" and "S:" markers, which never occur inside an entry.</summary>
        private static IEnumerable<KeyValuePair<char, string>> Sections(string sddl)
        {
            var depth = 0;
            var start = -1;
            var key = ' ';
            for (var i = 0; i < sddl.Length; i++)
            {
                var c = sddl[i];
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    depth--;
                }
                else if (depth == 0 && i + 1 < sddl.Length && sddl[i + 1] == ':' && "OGDS".IndexOf(c) >= 0)
                {
                    if (start >= 0)
                    {
                        yield return new KeyValuePair<char, string>(key, sddl.Substring(start, i - start));
                    }

                    key = c;
                    start = i + 2;
                    i++;
                }
            }

            if (start >= 0)
            {
                yield return new KeyValuePair<char, string>(key, sddl.Substring(start));
            }
        }

        private static List<WindowsAccessEntry> ParseEntries(string dacl)
        {
            var entries = new List<WindowsAccessEntry>();
            var depth = 0;
            var start = 0;
            for (var i = 0; i < dacl.Length; i++)
            {
                if (dacl[i] == '(' && depth++ == 0)
                {
                    start = i + 1;
                }
                else if (dacl[i] == ')' && --depth == 0)
                {
                    entries.Add(ParseEntry(dacl.Substring(start, i - start)));
                }
            }

            if (depth != 0)
            {
                throw new FormatException("The access list '" + dacl + "' has an unclosed entry.");
            }

            return entries;
        }

        /// <summary>"type;flags;rights;object;inherited object;trustee", a callback entry followed by its condition.</summary>
        private static WindowsAccessEntry ParseEntry(string entry)
        {
            var fields = entry.Split(new[] { ';' }, 7);
            if (fields.Length < 6 || fields[5].Length == 0)
            {
                throw new FormatException("The access entry '(" + entry + ")' has no trustee.");
            }

            var type = fields[0];
            var allows = type == "A" || type == "OA" || type == "XA" || type == "ZA";
            return new WindowsAccessEntry(allows, HasFlag(fields[1], "IO"), ParseRights(fields[2], entry), fields[5]);
        }

        private static bool HasFlag(string flags, string flag)
        {
            for (var i = 0; i + 1 < flags.Length; i += 2)
            {
                if (string.CompareOrdinal(flags, i, flag, 0, 2) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static uint ParseRights(string rights, string entry)
        {
            if (rights.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                if (uint.TryParse(rights.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mask))
                {
                    return mask;
                }
            }
            else if (rights.Length % 2 == 0)
            {
                uint mask = 0;
                for (var i = 0; i < rights.Length; i += 2)
                {
                    if (!RightsByCode.TryGetValue(rights.Substring(i, 2), out var right))
                    {
                        mask = 0;
                        break;
                    }

                    mask |= right;
                }

                if (mask != 0 || rights.Length == 0)
                {
                    return mask;
                }
            }

            throw new FormatException("The access entry '(" + entry + ")' has rights that are not SDDL.");
        }
    }
}
