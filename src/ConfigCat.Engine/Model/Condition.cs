namespace ConfigCat.Engine.Model
{
    /// <summary>One AND-ed condition of a targeting rule: a user, segment or prerequisite flag condition.</summary>
    public abstract class Condition
    {
        private protected Condition(ConditionKind kind)
        {
            Kind = kind;
        }

        /// <summary>Lets the evaluator dispatch with a switch instead of type tests.</summary>
        internal ConditionKind Kind { get; }
    }
}
