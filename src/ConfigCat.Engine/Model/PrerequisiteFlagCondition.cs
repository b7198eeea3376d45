namespace ConfigCat.Engine.Model
{
    /// <summary>A condition on the value of another flag (<c>{"f": "mainFeature", "c": 0, "v": {"s": "on"}}</c>).
    /// The flag is looked up at evaluation time, in the same (possibly override-merged) settings.</summary>
    public sealed class PrerequisiteFlagCondition : Condition
    {
        public PrerequisiteFlagCondition(string? prerequisiteFlagKey, PrerequisiteFlagComparator comparator, SettingValue comparisonValue)
            : base(ConditionKind.PrerequisiteFlag)
        {
            PrerequisiteFlagKey = prerequisiteFlagKey;
            Comparator = comparator;
            ComparisonValue = comparisonValue;
        }

        public string? PrerequisiteFlagKey { get; }

        public PrerequisiteFlagComparator Comparator { get; }

        public SettingValue ComparisonValue { get; }
    }
}
