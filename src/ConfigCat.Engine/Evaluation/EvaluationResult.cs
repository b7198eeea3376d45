using System;
using ConfigCat.Engine.Model;

namespace ConfigCat.Engine.Evaluation
{
    /// <summary>
    /// The outcome of one evaluation, as a struct so that the common path allocates nothing; turn it into an
    /// <see cref="EvaluationDetails"/> when an object is needed.
    /// </summary>
    public readonly struct EvaluationResult
    {
        private EvaluationResult(object? value, string? variationId, TargetingRule? matchedTargetingRule, PercentageOption? matchedPercentageOption,
            EvaluationErrorCode errorCode, string? errorMessage, Exception? errorException)
        {
            Value = value;
            VariationId = variationId;
            MatchedTargetingRule = matchedTargetingRule;
            MatchedPercentageOption = matchedPercentageOption;
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
            ErrorException = errorException;
        }

        public object? Value { get; }

        public string? VariationId { get; }

        public TargetingRule? MatchedTargetingRule { get; }

        public PercentageOption? MatchedPercentageOption { get; }

        public EvaluationErrorCode ErrorCode { get; }

        public string? ErrorMessage { get; }

        public Exception? ErrorException { get; }

        /// <summary>True when the caller's default value was returned because of an error.</summary>
        public bool IsDefaultValue => ErrorCode != EvaluationErrorCode.None;

        internal static EvaluationResult Success(object? value, string? variationId, TargetingRule? rule, PercentageOption? option) =>
            new EvaluationResult(value, variationId, rule, option, EvaluationErrorCode.None, null, null);

        /// <summary>The caller's default value, returned because of an error (also for a request that could not be
        /// evaluated at all, e.g. an unusable argument).</summary>
        public static EvaluationResult Failure(object? defaultValue, EvaluationErrorCode errorCode, string errorMessage, Exception? exception = null) =>
            new EvaluationResult(defaultValue, null, null, null, errorCode, errorMessage, exception);
    }
}
