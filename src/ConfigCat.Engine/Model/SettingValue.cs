using System;
using System.Globalization;

namespace ConfigCat.Engine.Model
{
    /// <summary>
    /// A setting value as written in config JSON (<c>{"b"|"s"|"i"|"d": ...}</c>) or given as a flag override.
    /// The value is boxed once when the config is loaded, so serving it never allocates.
    /// </summary>
    public readonly struct SettingValue
    {
        private static readonly object BoxedTrue = true;
        private static readonly object BoxedFalse = false;

        private SettingValue(object? value, SettingType type)
        {
            Value = value;
            Type = type;
        }

        /// <summary>The value: a <see cref="bool"/>, <see cref="string"/>, <see cref="int"/> or <see cref="double"/>;
        /// for an <see cref="SettingType.Unknown"/> value, whatever unsupported object was given (or null).</summary>
        public object? Value { get; }

        /// <summary>The type the value was written as; <see cref="SettingType.Unknown"/> when missing or unsupported.</summary>
        public SettingType Type { get; }

        public bool HasValue => Type != SettingType.Unknown;

        public static SettingValue FromBoolean(bool value) => new SettingValue(value ? BoxedTrue : BoxedFalse, SettingType.Boolean);

        public static SettingValue FromString(string value) => new SettingValue(value ?? throw new ArgumentNullException(nameof(value)), SettingType.String);

        public static SettingValue FromInt(int value) => new SettingValue(value, SettingType.Int);

        public static SettingValue FromDouble(double value) => new SettingValue(value, SettingType.Double);

        /// <summary>A value that is missing, or of a type no setting can have (kept for the error message).</summary>
        public static SettingValue Invalid(object? value) => new SettingValue(value, SettingType.Unknown);

        /// <summary>
        /// Maps a .NET value to a setting value the way flag override dictionaries are read: bool, string,
        /// integral numbers within Int32 → Int, float/double → Double; anything else is unsupported.
        /// </summary>
        public static SettingValue FromObject(object? value)
        {
            switch (value)
            {
                case bool b: return FromBoolean(b);
                case string s: return FromString(s);
                case int i: return FromInt(i);
                case short or sbyte or byte or ushort:
                    return FromInt(Convert.ToInt32(value, CultureInfo.InvariantCulture));
                case long l when l >= int.MinValue && l <= int.MaxValue: return FromInt((int)l);
                case uint u when u <= int.MaxValue: return FromInt((int)u);
                case double d: return FromDouble(d);
                case float f: return FromDouble(f);
                default: return Invalid(value);
            }
        }
    }
}
