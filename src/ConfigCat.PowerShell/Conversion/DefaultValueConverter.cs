using System;
using System.Globalization;
using System.Management.Automation;
using ConfigCat.Engine.Model;

namespace ConfigCat.PowerShell.Conversion
{
    /// <summary>
    /// Reads -Default: bool, string, whole numbers (int, or long beyond Int32) and decimal numbers (double). PowerShell
    /// produces many numeric types ([byte], [decimal] literals like 1d, [float]); they are mapped onto these so
    /// that the type check against the setting behaves as with the other SDKs. A [switch] is the boolean it stands for.
    /// </summary>
    internal static class DefaultValueConverter
    {
        /// <returns>Null when the value is usable; otherwise why not.</returns>
        public static string? TryNormalize(object? input, out object? value)
        {
            value = PowerShellValues.Unwrap(input);
            switch (value)
            {
                case null:
                case bool:
                case string:
                case int:
                case long:
                case double:
                    return null;
                case byte or sbyte or short or ushort:
                    value = System.Convert.ToInt32(value, CultureInfo.InvariantCulture);
                    return null;
                case uint u:
                    value = (long)u;
                    return null;
                case ulong ul when ul <= long.MaxValue:
                    value = (long)ul;
                    return null;
                case float or decimal:
                    value = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    return null;
                case SwitchParameter flag:
                    value = flag.IsPresent;
                    return null;
                default:
                    return "The -Default value '" + value + "' is " + PowerShellValues.TypeWithArticle(value) + ", which no setting can have. Use a bool, a string, a whole number or a decimal number.";
            }
        }

        /// <summary>A normalized number default in the number type of the setting <paramref name="key"/>, so that 0
        /// serves a decimal setting and 0.5 a whole-number one (PowerShell users do not tell 0 from 0.0); any other
        /// default as it is. A fractional default for a whole-number setting only carries the type: the caller
        /// returns the original default when the evaluation fails.</summary>
        public static object? ForSetting(object? value, SettingsMap? settings, string key)
        {
            if (settings == null || !(value is int || value is long || value is double) || !settings.TryGetValue(key, out var setting))
            {
                return value;
            }

            switch (setting.Type)
            {
                case SettingType.Double:
                    return System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
                case SettingType.Int when value is double number:
                    return number >= int.MinValue && number <= int.MaxValue ? (object)(int)Math.Truncate(number) : (long)Math.Max(long.MinValue, Math.Min(long.MaxValue, Math.Truncate(number)));
                default:
                    return value;
            }
        }
    }
}
