using System;
using System.Globalization;
using ConfigCat.Engine.Text;

namespace ConfigCat.PowerShell.Export
{
    /// <summary>One setting to export: its key as ConfigCat names it, and its evaluated value.</summary>
    internal sealed class ExportValue
    {
        public ExportValue(string key, object? value)
        {
            Key = key;
            Value = value;
        }

        public string Key { get; }

        public object? Value { get; }

        /// <summary>The value as text for formats without types: true/false, numbers in invariant culture, text as is.</summary>
        public string Text => Value switch
        {
            null => string.Empty,
            bool flag => flag ? "true" : "false",
            double number => JsNumberFormatter.Format(number),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => Value.ToString() ?? string.Empty,
        };
    }
}
