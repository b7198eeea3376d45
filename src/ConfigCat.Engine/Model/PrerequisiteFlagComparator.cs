namespace ConfigCat.Engine.Model
{
    /// <summary>The comparison operator of a prerequisite flag condition.</summary>
    public enum PrerequisiteFlagComparator
    {
        Equals = 0,
        NotEquals = 1,
    }
}
