using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using ConfigCat.Engine.Overrides;

namespace ConfigCat.PowerShell.Conversion
{
    /// <summary>Reads -FlagOverrides: a path to a JSON file (simplified or full config format), that JSON as text, or
    /// a hashtable of key = value pairs. Mistakes are reported here, at connect, naming the key, rather than at the
    /// first evaluation.</summary>
    internal static class FlagOverridesConverter
    {
        /// <param name="origin">How messages name the argument, e.g. "-FlagOverrides".</param>
        /// <param name="resolvePath">Resolves a PowerShell path (relative to the current location) to a file system path.</param>
        /// <exception cref="FlagOverrideFileException">The file is missing or invalid, or so is the JSON text; the message names it.</exception>
        /// <exception cref="ArgumentException">The argument is neither a path, JSON nor a dictionary, or a value in the
        /// dictionary is not one a setting can have.</exception>
        public static IOverrideDataSource Convert(object input, string origin, Func<string, string> resolvePath)
        {
            var value = PowerShellValues.Unwrap(input);
            switch (value)
            {
                case string json when json.TrimStart().StartsWith("{", StringComparison.Ordinal):
                    return new JsonTextOverrideDataSource(json, origin);
                case string path:
                    return new FileOverrideDataSource(Resolve(path, origin, resolvePath));
                case FileInfo file:
                    return new FileOverrideDataSource(file.FullName);
            }

            var entries = PowerShellValues.Properties(value)
                ?? throw new ArgumentException(origin + " takes a path to a JSON file, JSON text or a hashtable such as @{ myFlag = $true; myText = 'on' }, not " + (value == null ? "nothing" : PowerShellValues.TypeWithArticle(value)) + ".");
            var values = new List<KeyValuePair<string, object?>>();
            foreach (var entry in entries)
            {
                values.Add(new KeyValuePair<string, object?>(entry.Key, SettingValue(entry.Key, entry.Value, origin)));
            }

            return new DictionaryOverrideDataSource(values);
        }

        private static string Resolve(string path, string origin, Func<string, string> resolvePath)
        {
            try
            {
                return resolvePath(path);
            }
            catch (SessionStateException e)
            {
                throw new ArgumentException(origin + ": '" + path + "' is not a file system path (" + e.Message.TrimEnd('.') + "). Pass the path of a JSON file, JSON text or a hashtable.", e);
            }
        }

        /// <summary>A bool, a string, a 32-bit whole number or a decimal number, as ConfigCat settings have.</summary>
        private static object SettingValue(string key, object? input, string origin)
        {
            var problem = DefaultValueConverter.TryNormalize(input, out var value);
            if (value is long whole)
            {
                if (whole >= int.MinValue && whole <= int.MaxValue)
                {
                    return (int)whole;
                }

                problem = "It is a whole number beyond 32 bits, which ConfigCat whole-number settings cannot hold. Use a decimal number ([double]) or text.";
            }

            if (value == null)
            {
                problem = "It is $null. Use a bool, a string, a whole number or a decimal number.";
            }

            if (problem != null)
            {
                throw new ArgumentException(origin + ": the value of '" + key + "' cannot be a flag value. " + problem.Replace("The -Default value", "The value"));
            }

            return value!;
        }
    }
}
