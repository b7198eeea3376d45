namespace ConfigCat.Engine.Model
{
    /// <summary>IS IN / IS NOT IN a segment of the config (<c>{"s": 0, "c": 1}</c>).</summary>
    public sealed class SegmentCondition : Condition
    {
        public SegmentCondition(int segmentIndex, SegmentComparator comparator) : base(ConditionKind.Segment)
        {
            SegmentIndex = segmentIndex;
            Comparator = comparator;
        }

        public int SegmentIndex { get; }

        public SegmentComparator Comparator { get; }

        /// <summary>The referenced segment, resolved when the config is loaded; null when the index is out of range.</summary>
        public Segment? Segment { get; internal set; }
    }
}
