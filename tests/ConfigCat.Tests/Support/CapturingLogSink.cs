using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using ConfigCat.Engine.Logging;

namespace ConfigCat.Tests.Support
{
    public sealed class CapturingLogSink : ILogSink
    {
        private readonly ConcurrentQueue<LogEvent> events = new ConcurrentQueue<LogEvent>();

        public IReadOnlyList<LogEvent> Events => events.ToArray();

        public void Write(LogEvent logEvent) => events.Enqueue(logEvent);

        public IEnumerable<LogEvent> WithId(int eventId) => Events.Where(e => e.EventId == eventId);
    }
}
