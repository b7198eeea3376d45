using System;

namespace ConfigCat.Engine.Evaluation
{
    /// <summary>The default value given by the caller is of a type the setting cannot have.</summary>
    internal sealed class SettingTypeMismatchException : Exception
    {
        public SettingTypeMismatchException(string message) : base(message)
        {
        }
    }
}
