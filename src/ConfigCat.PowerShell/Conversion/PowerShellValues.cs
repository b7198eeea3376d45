using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace ConfigCat.PowerShell.Conversion
{
    /// <summary>Turns what PowerShell hands a cmdlet into plain .NET values the engine understands.</summary>
    internal static class PowerShellValues
    {
        private const string SemanticVersionTypeName = "System.Management.Automation.SemanticVersion";

        /// <summary>The object inside a PSObject wrapper (PowerShell wraps pipeline and variable values).</summary>
        /// <summary>The type of <paramref name="value"/> as a message names it, with its article: "an Int32", "a String".</summary>
        public static string TypeWithArticle(object value)
        {
            var name = value.GetType().Name;
            return ("AEIOUaeiou".IndexOf(name[0]) >= 0 ? "an " : "a ") + name;
        }

        public static object? Unwrap(object? value) =>
            value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;

        /// <summary>The name/value pairs of a hashtable, any other dictionary, or a PSCustomObject; null for anything else.
        /// Names keep the case they were written in.</summary>
        public static IEnumerable<KeyValuePair<string, object?>>? Properties(object? value)
        {
            value = Unwrap(value);
            if (value is IDictionary dictionary)
            {
                return DictionaryEntries(dictionary);
            }

            if (value is PSObject custom)
            {
                return CustomObjectProperties(custom);
            }

            return null;
        }

        /// <summary>An attribute value as the engine expects it: arrays whose items are all strings become string[],
        /// versions ([version], and [semver] of PowerShell 6+, which Windows PowerShell lacks, hence the name check)
        /// their semantic version text, [bigint] a number; other values are kept (the engine reports those a
        /// comparator cannot read).</summary>
        public static object? AttributeValue(object? value)
        {
            value = Unwrap(value);
            switch (value)
            {
                case Version version:
                    return version.Revision >= 0 ? version.ToString() : version.ToString(2) + "." + Math.Max(version.Build, 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
                case System.Numerics.BigInteger big:
                    return (double)big;
                case object when value.GetType().FullName == SemanticVersionTypeName:
                    return value.ToString();
            }

            if (value is string || value is null || !(value is IEnumerable items) || value is IDictionary)
            {
                return value;
            }

            var strings = new List<string>();
            foreach (var item in items)
            {
                if (Unwrap(item) is string text)
                {
                    strings.Add(text);
                }
                else
                {
                    return value;
                }
            }

            return strings.ToArray();
        }

        private static IEnumerable<KeyValuePair<string, object?>> DictionaryEntries(IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                yield return new KeyValuePair<string, object?>(Convert.ToString(Unwrap(entry.Key), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, entry.Value);
            }
        }

        private static IEnumerable<KeyValuePair<string, object?>> CustomObjectProperties(PSObject custom)
        {
            foreach (var property in custom.Properties)
            {
                yield return new KeyValuePair<string, object?>(property.Name, property.Value);
            }
        }
    }
}
