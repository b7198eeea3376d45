using System;
using ConfigCat.Engine.Logging;

namespace ConfigCat.Engine.Client
{
    /// <summary>A log event of the client (also the error hook's payload: every Error event, even below the level).</summary>
    public sealed class LogEventArgs : EventArgs
    {
        public LogEventArgs(LogEvent logEvent)
        {
            LogEvent = logEvent;
        }

        public LogEvent LogEvent { get; }
    }
}
