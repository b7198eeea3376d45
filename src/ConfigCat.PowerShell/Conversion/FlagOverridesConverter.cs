using System;
using System.Collections.Generic;
using System.IO;
using ConfigCat.Engine.Overrides;

namespace ConfigCat.PowerShell.Conversion
{
    /// <summary>Reads -FlagOverrides: a path to a JSON file (simplified or full config format), or a hashtable of
    /// key = value pairs.</summary>
    internal static class FlagOverridesConverter
    {
        /// <param name="resolvePath">Resolves a PowerShell path (relative to the current location) to a file system path.</param>
        /// <exception cref="FlagOverrideFileException">The file is missing or invalid; the message names it.</exception>
        /// <exception cref="ArgumentException">The argument is neither a path nor a dictionary.</exception>
        public static IOverrideDataSource Convert(object input, Func<string, string> resolvePath)
        {
            var value = PowerShellValues.Unwrap(input);
            switch (value)
            {
                case string path:
                    return new FileOverrideDataSource(resolvePath(path));
                case FileInfo file:
                    return new FileOverrideDataSource(file.FullName);
            }

            var entries = PowerShellValues.Properties(value)
                ?? throw new ArgumentException("-FlagOverrides takes a path to a JSON file or a hashtable such as @{ myFlag = $true; myText = 'on' }, not a " + value?.GetType().Name + ".");
            var values = new List<KeyValuePair<string, object?>>();
            foreach (var entry in entries)
            {
                // A value no setting can have comes back unwrapped but unchanged; the engine reports it when evaluated.
                DefaultValueConverter.TryNormalize(entry.Value, out var normalized);
                values.Add(new KeyValuePair<string, object?>(entry.Key, normalized));
            }

            return new DictionaryOverrideDataSource(values);
        }
    }
}
