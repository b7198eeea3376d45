using System;
using System.Collections.Generic;
using System.Globalization;
using ConfigCat.Engine.Evaluation;

namespace ConfigCat.PowerShell.Conversion
{
    /// <summary>
    /// Reads a -User / -DefaultUser argument: a hashtable or PSCustomObject with Identifier, Email, Country and any
    /// other keys (or a nested Custom table) as custom attributes, a bare identifier string, or an engine User.
    /// The three well-known names match in any case (PowerShell habit); custom attribute names keep their case,
    /// because ConfigCat compares them case-sensitively. A single text where a rule expects an array is a one-item
    /// array: PowerShell unrolls one-item arrays (<c>Roles = (Get-Roles)</c>), so a script cannot always pass one.
    /// </summary>
    internal static class UserConverter
    {
        private const string CustomKey = "Custom";

        /// <exception cref="ArgumentException">The argument cannot describe a user; the message says why and how.</exception>
        public static User? Convert(object? input)
        {
            var value = PowerShellValues.Unwrap(input);
            switch (value)
            {
                case null: return null;
                case User user: return user;
                case string text: return new User(text);
            }

            var properties = PowerShellValues.Properties(value)
                ?? throw new ArgumentException("A" + PowerShellValues.TypeWithArticle(value).Substring(1) + " cannot describe a user. Pass a hashtable such as @{ Identifier = 'user-1'; Email = 'a@example.com'; Plan = 'Pro' }, a PSCustomObject with those properties, or an identifier string.");

            string? identifier = null, email = null, country = null;
            var custom = new List<KeyValuePair<string, object?>>();
            foreach (var pair in properties)
            {
                if (string.Equals(pair.Key, User.IdentifierAttribute, StringComparison.OrdinalIgnoreCase))
                {
                    identifier = Text(pair.Key, pair.Value);
                }
                else if (string.Equals(pair.Key, User.EmailAttribute, StringComparison.OrdinalIgnoreCase))
                {
                    email = Text(pair.Key, pair.Value);
                }
                else if (string.Equals(pair.Key, User.CountryAttribute, StringComparison.OrdinalIgnoreCase))
                {
                    country = Text(pair.Key, pair.Value);
                }
                else if (string.Equals(pair.Key, CustomKey, StringComparison.OrdinalIgnoreCase) && PowerShellValues.Properties(pair.Value) is IEnumerable<KeyValuePair<string, object?>> nested)
                {
                    foreach (var attribute in nested)
                    {
                        custom.Add(new KeyValuePair<string, object?>(attribute.Key, PowerShellValues.AttributeValue(attribute.Value)));
                    }
                }
                else
                {
                    custom.Add(new KeyValuePair<string, object?>(pair.Key, PowerShellValues.AttributeValue(pair.Value)));
                }
            }

            return new User(identifier, email, country, custom, textIsOneItemArray: true);
        }

        private static string? Text(string name, object? value)
        {
            value = PowerShellValues.Unwrap(value);
            switch (value)
            {
                case null: return null;
                case string text: return text;
                case IFormattable scalar when !(value is DateTime) && !(value is DateTimeOffset): return scalar.ToString(null, CultureInfo.InvariantCulture);
                default:
                    throw new ArgumentException("The user's " + name + " must be text, but it is " + PowerShellValues.TypeWithArticle(value) + " ('" + value + "').");
            }
        }
    }
}
