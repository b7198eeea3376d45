using System;

namespace ConfigCat.Engine.Evaluation
{
    /// <summary>The part of the config being evaluated is broken (unknown comparator, missing salt, % options that do
    /// not add up to 100, a circular prerequisite, ...). The evaluation returns the default value.</summary>
    internal sealed class InvalidConfigModelException : Exception
    {
        public InvalidConfigModelException(string message) : base(message)
        {
        }
    }
}
