namespace ConfigCat.Engine.Evaluation
{
    /// <summary>A condition either matches, does not match, or cannot be evaluated (missing user or attribute, or
    /// an attribute the comparator cannot read). The third outcome is never negated; it skips the targeting rule.</summary>
    internal readonly struct ConditionResult
    {
        public const string MissingUserObject = "cannot evaluate, User Object is missing";

        public static readonly ConditionResult True = new ConditionResult(true, null);
        public static readonly ConditionResult False = new ConditionResult(false, null);
        public static readonly ConditionResult UserMissing = new ConditionResult(false, MissingUserObject);

        private ConditionResult(bool isMatch, string? error)
        {
            IsMatch = isMatch;
            Error = error;
        }

        public bool IsMatch { get; }

        /// <summary>Why the condition cannot be evaluated; null when it could.</summary>
        public string? Error { get; }

        public bool IsError => Error != null;

        public static ConditionResult Of(bool isMatch) => isMatch ? True : False;

        public static ConditionResult MissingAttribute(string attributeName) =>
            new ConditionResult(false, "cannot evaluate, the User." + attributeName + " attribute is missing");

        public static ConditionResult InvalidAttribute(string attributeName, string reason) =>
            new ConditionResult(false, "cannot evaluate, the User." + attributeName + " attribute is invalid (" + reason + ")");
    }
}
