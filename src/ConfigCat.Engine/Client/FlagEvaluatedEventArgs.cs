using System;
using ConfigCat.Engine.Evaluation;

namespace ConfigCat.Engine.Client
{
    internal sealed class FlagEvaluatedEventArgs : EventArgs
    {
        public FlagEvaluatedEventArgs(EvaluationDetails details)
        {
            Details = details;
        }

        public EvaluationDetails Details { get; }
    }
}
