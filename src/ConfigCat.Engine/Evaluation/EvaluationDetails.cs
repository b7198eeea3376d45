using System;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Text;

namespace ConfigCat.Engine.Evaluation
{
    /// <summary>Everything known about one evaluation: the value and where it came from, or why the default was returned.</summary>
    public sealed class EvaluationDetails
    {
        public EvaluationDetails(string key, EvaluationResult result, User? user, DateTime? fetchTime)
        {
            Key = key;
            Value = result.Value;
            VariationId = result.VariationId;
            IsDefaultValue = result.IsDefaultValue;
            ErrorCode = result.ErrorCode;
            ErrorMessage = result.ErrorMessage;
            ErrorException = result.ErrorException;
            MatchedTargetingRule = result.MatchedTargetingRule;
            MatchedPercentageOption = result.MatchedPercentageOption;
            User = user;
            FetchTime = fetchTime;
        }

        public string Key { get; }

        public object? Value { get; }

        public string? VariationId { get; }

        public bool IsDefaultValue { get; }

        public EvaluationErrorCode ErrorCode { get; }

        public string? ErrorMessage { get; }

        public Exception? ErrorException { get; }

        /// <summary>The targeting rule whose THEN part produced the value (also when a % option inside it was chosen).</summary>
        public TargetingRule? MatchedTargetingRule { get; }

        public PercentageOption? MatchedPercentageOption { get; }

        /// <summary>The user the flag was evaluated for (the default user when none was given).</summary>
        public User? User { get; }

        /// <summary>When the config that was used was downloaded (UTC); null when no downloaded config was used.</summary>
        public DateTime? FetchTime { get; }

        /// <summary>The key, the value and why, in one line, so that <c>"$details"</c> in a script or log reads well.</summary>
        public override string ToString()
        {
            var text = Key + " = '" + JsValueFormatter.Format(Value) + "' (";
            if (IsDefaultValue)
            {
                return text + "the default value: " + ErrorMessage + ")";
            }

            var option = MatchedPercentageOption == null ? null : "the " + MatchedPercentageOption.Percentage + "% option";
            if (MatchedTargetingRule == null)
            {
                return text + (option ?? "no targeting rule matched") + ")";
            }

            return text + "targeting rule: " + MatchedTargetingRule + (option == null ? ")" : ", then " + option + ")");
        }
    }
}
