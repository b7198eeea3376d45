namespace ConfigCat.Engine.Model
{
    /// <summary>The comparison operator of a segment condition.</summary>
    public enum SegmentComparator
    {
        IsIn = 0,
        IsNotIn = 1,
    }
}
