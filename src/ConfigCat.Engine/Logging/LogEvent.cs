using System;

namespace ConfigCat.Engine.Logging
{
    /// <summary>One SDK log event, with the numbered event id of the ConfigCat SDKs (e.g. 1100, 3001, 5000).</summary>
    public sealed class LogEvent
    {
        public LogEvent(LogLevel level, int eventId, string message, Exception? exception = null)
        {
            Level = level;
            EventId = eventId;
            Message = message;
            Exception = exception;
        }

        public LogLevel Level { get; }

        public int EventId { get; }

        public string Message { get; }

        public Exception? Exception { get; }

        /// <summary><c>LEVEL [id] message</c>, the form of the SDKs' expected-log fixtures.</summary>
        public override string ToString()
        {
            var level = Level == LogLevel.Warning ? "WARNING" : Level.ToString().ToUpperInvariant();
            return level + " [" + EventId + "] " + Message;
        }
    }
}
