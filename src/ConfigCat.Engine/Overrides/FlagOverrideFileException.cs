using System;

namespace ConfigCat.Engine.Overrides
{
    /// <summary>A flag override file that is missing, unreadable or not valid JSON; the message names the file.</summary>
    public sealed class FlagOverrideFileException : Exception
    {
        public FlagOverrideFileException(string path, string message, Exception? innerException = null) : base(message, innerException)
        {
            Path = path;
        }

        public string Path { get; }
    }
}
