using System.Collections.Generic;

namespace ConfigCat.Engine.Model
{
    /// <summary>A named group of users: its user conditions are AND-ed. Inside a segment the hashing context
    /// salt is the segment's name.</summary>
    public sealed class Segment
    {
        internal readonly UserCondition[] ConditionArray;

        public Segment(string? name, UserCondition[] conditions)
        {
            Name = name;
            ConditionArray = conditions;
        }

        public string? Name { get; }

        public IReadOnlyList<UserCondition> Conditions => ConditionArray;
    }
}
