using ConfigCat.Engine.Text;

namespace ConfigCat.Engine.Evaluation
{
    /// <summary>A condition either matches, does not match, or cannot be evaluated (missing user or attribute, or
    /// an attribute the comparator cannot read). The third outcome is never negated; it skips the targeting rule.
    /// The error text is only built when something reads it (the evaluation log): a missing attribute is an ordinary
    /// outcome of evaluating without logging, and must not cost a string per evaluation.</summary>
    internal readonly struct ConditionResult
    {
        public const string MissingUserObject = "cannot evaluate, User Object is missing";

        public static readonly ConditionResult True = new ConditionResult(true, ErrorKind.None, null, null, null);
        public static readonly ConditionResult False = new ConditionResult(false, ErrorKind.None, null, null, null);
        public static readonly ConditionResult UserMissing = new ConditionResult(false, ErrorKind.UserMissing, null, null, null);

        private readonly ErrorKind kind;
        private readonly string? attributeName;
        private readonly object? invalidValue;
        private readonly string? problem;

        private ConditionResult(bool isMatch, ErrorKind kind, string? attributeName, object? invalidValue, string? problem)
        {
            IsMatch = isMatch;
            this.kind = kind;
            this.attributeName = attributeName;
            this.invalidValue = invalidValue;
            this.problem = problem;
        }

        private enum ErrorKind
        {
            None,
            UserMissing,
            AttributeMissing,
            AttributeInvalid,
        }

        public bool IsMatch { get; }

        public bool IsError => kind != ErrorKind.None;

        /// <summary>The condition could not be evaluated because there is no User Object at all.</summary>
        public bool IsUserMissing => kind == ErrorKind.UserMissing;

        /// <summary>Why the condition cannot be evaluated; null when it could.</summary>
        public string? Error => kind switch
        {
            ErrorKind.UserMissing => MissingUserObject,
            ErrorKind.AttributeMissing => "cannot evaluate, the User." + attributeName + " attribute is missing",
            ErrorKind.AttributeInvalid => "cannot evaluate, the User." + attributeName + " attribute is invalid (" + InvalidReason(invalidValue!, problem!) + ")",
            _ => null,
        };

        public static ConditionResult Of(bool isMatch) => isMatch ? True : False;

        public static ConditionResult MissingAttribute(string attributeName) =>
            new ConditionResult(false, ErrorKind.AttributeMissing, attributeName, null, null);

        /// <param name="value">The attribute value the comparator could not read.</param>
        /// <param name="problem">What is wrong with it, e.g. "is not a valid semantic version".</param>
        public static ConditionResult InvalidAttribute(string attributeName, object value, string problem) =>
            new ConditionResult(false, ErrorKind.AttributeInvalid, attributeName, value, problem);

        /// <summary>The reason text of an invalid attribute, as the evaluation log and warning 3004 word it.</summary>
        public static string InvalidReason(object value, string problem) => "'" + JsValueFormatter.Format(value) + "' " + problem;
    }
}
