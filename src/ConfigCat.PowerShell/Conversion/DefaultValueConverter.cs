using System;
using System.Globalization;

namespace ConfigCat.PowerShell.Conversion
{
    /// <summary>
    /// Reads -Default: bool, string, whole numbers (int, or long beyond Int32) and decimal numbers (double). PowerShell
    /// produces many numeric types ([byte], [decimal] literals like 1d, [float]); they are mapped onto these so
    /// that the type check against the setting behaves as with the other SDKs.
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
                default:
                    return "The -Default value '" + value + "' is a " + value.GetType().Name + ", which no setting can have. Use a bool, a string, a whole number or a decimal number.";
            }
        }
    }
}
