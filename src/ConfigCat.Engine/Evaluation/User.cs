using System;
using System.Collections.Generic;

namespace ConfigCat.Engine.Evaluation
{
    /// <summary>
    /// The user a flag is evaluated for. Custom attribute names are case-sensitive (ordinal), as in every ConfigCat SDK.
    /// Attribute values may be strings, numbers, <see cref="DateTime"/>/<see cref="DateTimeOffset"/> or string arrays;
    /// what each comparator accepts is decided when it is evaluated. Immutable, so one user can be shared by threads.
    /// </summary>
    public sealed class User
    {
        public const string IdentifierAttribute = "Identifier";
        public const string EmailAttribute = "Email";
        public const string CountryAttribute = "Country";

        private static readonly KeyValuePair<string, object>[] NoCustom = new KeyValuePair<string, object>[0];

        private readonly KeyValuePair<string, object>[] customInOrder;
        private readonly Dictionary<string, object>? customByName;

        /// <param name="identifier">Unique id of the user or session; null is read as the empty string.</param>
        /// <param name="custom">Custom attributes in the order given; null values are dropped, and a later duplicate
        /// name replaces an earlier one.</param>
        /// <param name="textIsOneItemArray">Whether the array comparators read a text attribute that is not a JSON array
        /// as an array of that one text, instead of reporting it as invalid as the other SDKs do. For callers that
        /// cannot always pass an array (PowerShell unrolls a one-item array into its item).</param>
        public User(string? identifier, string? email = null, string? country = null, IEnumerable<KeyValuePair<string, object?>>? custom = null, bool textIsOneItemArray = false)
        {
            Identifier = identifier ?? string.Empty;
            Email = email;
            Country = country;
            TextIsOneItemArray = textIsOneItemArray;
            if (custom == null)
            {
                customInOrder = NoCustom;
                return;
            }

            var ordered = new List<KeyValuePair<string, object>>();
            customByName = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var pair in custom)
            {
                if (pair.Key == null || pair.Value == null)
                {
                    continue;
                }

                if (customByName.ContainsKey(pair.Key))
                {
                    ordered.RemoveAll(existing => existing.Key == pair.Key);
                }

                customByName[pair.Key] = pair.Value;
                ordered.Add(new KeyValuePair<string, object>(pair.Key, pair.Value));
            }

            customInOrder = ordered.ToArray();
        }

        public string Identifier { get; }

        public string? Email { get; }

        public string? Country { get; }

        public bool TextIsOneItemArray { get; }

        /// <summary>Custom attributes in the order they were given.</summary>
        public IReadOnlyList<KeyValuePair<string, object>> Custom => customInOrder;

        /// <summary>The value of an attribute by its (case-sensitive) name, or null when the user does not have it.
        /// The well-known names always mean the well-known properties, never a custom attribute of that name.</summary>
        public object? GetAttribute(string name) => GetAttribute(UserAttributeKinds.Of(name), name);

        internal object? GetAttribute(UserAttributeKind kind, string name)
        {
            switch (kind)
            {
                case UserAttributeKind.Identifier: return Identifier;
                case UserAttributeKind.Email: return Email;
                case UserAttributeKind.Country: return Country;
                default: return customByName != null && customByName.TryGetValue(name, out var value) ? value : null;
            }
        }

        public override string ToString() => UserJson.Serialize(this);
    }
}
