using System.Collections.Generic;
using ConfigCat.Engine.Evaluation;

namespace ConfigCat.Engine.Model
{
    /// <summary>IF all conditions hold THEN a simple value or percentage options.</summary>
    public sealed class TargetingRule
    {
        internal readonly Condition?[] ConditionArray;
        internal readonly PercentageOption[]? PercentageOptionArray;

        public TargetingRule(Condition?[] conditions, ServedValue? servedValue, PercentageOption[]? percentageOptions)
        {
            ConditionArray = conditions;
            ServedValue = servedValue;
            PercentageOptionArray = percentageOptions;
        }

        /// <summary>The AND-ed conditions; an entry is null when the JSON held none of the three condition kinds.</summary>
        public IReadOnlyList<Condition?> Conditions => ConditionArray;

        /// <summary>The simple THEN value; null when the rule serves percentage options.</summary>
        public ServedValue? ServedValue { get; }

        /// <summary>The THEN percentage options; null when the rule serves a simple value.</summary>
        public IReadOnlyList<PercentageOption>? PercentageOptions => PercentageOptionArray;

        /// <summary>The conditions as the evaluation log writes them, e.g. <c>User.Country IS ONE OF ['HU', 'AT']</c>.</summary>
        public override string ToString() => EvaluationLogBuilder.FormatConditions(ConditionArray);
    }
}
