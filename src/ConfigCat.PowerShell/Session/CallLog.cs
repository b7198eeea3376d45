using System;
using System.Collections.Generic;
using ConfigCat.Engine.Logging;

namespace ConfigCat.PowerShell.Session
{
    /// <summary>Collects what one cmdlet call logs on its own thread (evaluation warnings, the evaluation log), so the
    /// cmdlet writes them to its own streams and no other runspace sharing the client sees them.</summary>
    internal sealed class CallLog : ILogSink
    {
        private readonly List<LogEvent> events = new List<LogEvent>();

        public void Write(LogEvent logEvent) => events.Add(logEvent);

        public IReadOnlyList<LogEvent> Take()
        {
            if (events.Count == 0)
            {
                return Array.Empty<LogEvent>();
            }

            var taken = events.ToArray();
            events.Clear();
            return taken;
        }
    }
}
