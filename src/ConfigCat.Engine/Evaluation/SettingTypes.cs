using System;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Text;

namespace ConfigCat.Engine.Evaluation
{
    /// <summary>The mapping between setting types and .NET values: which defaults fit which setting, and what an
    /// evaluation returns (https://configcat.com/docs/sdk-reference/dotnet/#setting-type-mapping).</summary>
    internal static class SettingTypes
    {
        private const string TypeMappingLink = "https://configcat.com/docs/sdk-reference/dotnet/#setting-type-mapping";

        /// <summary>The setting type a default value stands for; Unknown for any other .NET type.</summary>
        public static SettingType Of(object value) => value switch
        {
            bool => SettingType.Boolean,
            string => SettingType.String,
            int or long => SettingType.Int,
            double => SettingType.Double,
            _ => SettingType.Unknown,
        };

        public static void EnsureSupportedDefaultValue(object? defaultValue)
        {
            if (defaultValue != null && Of(defaultValue) == SettingType.Unknown)
            {
                throw new ArgumentException("A default value of type " + defaultValue.GetType().Name
                    + " is not supported. Use a bool, string, int, long or double default value, or none.", nameof(defaultValue));
            }
        }

        /// <summary>The setting's type, or Unknown for an override value of an unsupported type (reported when its
        /// value is read); throws for a type number outside 0..3.</summary>
        public static SettingType EnsureValid(Setting setting)
        {
            var type = setting.Type;
            if (type != SettingType.Unknown && (type < SettingType.Boolean || type > SettingType.Double))
            {
                throw new InvalidConfigModelException("Setting type is invalid.");
            }

            return type;
        }

        public static void EnsureDefaultValueMatches(object defaultValue, SettingType settingType)
        {
            if (Of(defaultValue) != settingType)
            {
                throw new SettingTypeMismatchException("The type of a setting must match the type of the specified default value. Setting's type was "
                    + settingType + " but the default value's type was " + defaultValue.GetType().Name + ". Please use a default value which corresponds to the setting type "
                    + settingType + ". Learn more: " + TypeMappingLink);
            }
        }

        /// <summary>The value to hand back: the served value when it fits the setting's type, widened to a long when
        /// the caller asked with a long default.</summary>
        public static object ReturnValue(SettingValue value, SettingType settingType, object? defaultValue)
        {
            if (!value.HasValue)
            {
                if (settingType != SettingType.Unknown)
                {
                    throw new InvalidConfigModelException("Setting value is missing or invalid.");
                }

                throw new InvalidConfigModelException(value.Value == null
                    ? "Setting value is null."
                    : "Setting value '" + JsValueFormatter.Format(value.Value) + "' is of an unsupported type (" + value.Value.GetType().Name + ").");
            }

            if (value.Type != settingType)
            {
                throw new InvalidConfigModelException("Setting value is missing or invalid.");
            }

            return defaultValue is long ? (long)(int)value.Value! : value.Value!;
        }

        /// <summary>Whether a prerequisite flag can be compared with a value of the given type: only of its own type, as
        /// @configcat/sdk decides it, except that a plain override number has no declared Int or Double type and so takes
        /// either.</summary>
        public static bool AreComparable(Setting flag, SettingType valueType) =>
            flag.Type == valueType || (flag.IsPlainValue && IsNumber(flag.Type) && IsNumber(valueType));

        public static bool ValuesEqual(object a, object b)
        {
            switch (a)
            {
                case bool flag: return b is bool other && flag == other;
                case string text: return b is string otherText && string.Equals(text, otherText, StringComparison.Ordinal);
                default:
                    return UserAttributeValues.TryGetNumber(a, out var x) && UserAttributeValues.TryGetNumber(b, out var y) && x == y;
            }
        }

        private static bool IsNumber(SettingType type) => type == SettingType.Int || type == SettingType.Double;
    }
}
