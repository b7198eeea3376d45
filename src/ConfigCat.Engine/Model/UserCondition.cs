using System.Collections.Generic;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Hashing;

namespace ConfigCat.Engine.Model
{
    /// <summary>
    /// A condition on a user attribute (<c>{"a": "Email", "c": 2, "l": ["@example.com"]}</c>).
    /// Besides the raw JSON values it carries what <see cref="Parsing.ConfigLinker"/> prepared when the config was
    /// loaded (parsed versions, decoded hashes, salts), so evaluation does no parsing.
    /// </summary>
    public sealed class UserCondition : Condition
    {
        public UserCondition(string? comparisonAttribute, UserComparator comparator, string? stringValue, double? numberValue, IReadOnlyList<string>? stringListValue)
            : base(ConditionKind.User)
        {
            ComparisonAttribute = comparisonAttribute;
            Comparator = comparator;
            StringValue = stringValue;
            NumberValue = numberValue;
            StringListValue = stringListValue;
            AttributeKind = UserAttributeKinds.Of(comparisonAttribute);
        }

        public string? ComparisonAttribute { get; }

        public UserComparator Comparator { get; }

        /// <summary>The <c>s</c> comparison value (semver relations, EQUALS, hashed EQUALS).</summary>
        public string? StringValue { get; }

        /// <summary>The <c>d</c> comparison value (number and date comparators).</summary>
        public double? NumberValue { get; }

        /// <summary>The <c>l</c> comparison value (every "ONE OF" / "ANY OF" comparator).</summary>
        public IReadOnlyList<string>? StringListValue { get; }

        internal UserAttributeKind AttributeKind { get; }

        /// <summary>Why this condition cannot be evaluated (missing comparison value, unknown comparator, ...).
        /// Reported only when the condition is actually evaluated, as the official SDKs do.</summary>
        internal string? ModelError { get; set; }

        internal string[] Texts { get; set; } = EmptyTexts;

        internal SemVersion? SemVersion { get; set; }

        internal SemVersion[]? SemVersions { get; set; }

        internal bool HasInvalidSemVersion { get; set; }

        internal Hash256[]? Hashes { get; set; }

        internal HashedSlice[]? HashedSlices { get; set; }

        /// <summary>UTF-8 of the config salt followed by the context salt (setting key, or segment name).</summary>
        internal byte[]? HashSuffix { get; set; }

        private static readonly string[] EmptyTexts = new string[0];
    }
}
