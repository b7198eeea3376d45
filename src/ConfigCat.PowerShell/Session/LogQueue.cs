using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using ConfigCat.Engine.Logging;

namespace ConfigCat.PowerShell.Session
{
    /// <summary>
    /// Log events raised on background threads (polling, downloads), held until a cmdlet of the connection runs on
    /// its pipeline thread and writes them: PowerShell streams may only be written from there. Bounded so a runbook
    /// that stops calling cmdlets cannot grow it forever; what had to be dropped is counted and reported.
    /// </summary>
    internal sealed class LogQueue
    {
        private readonly ConcurrentQueue<LogEvent> events = new ConcurrentQueue<LogEvent>();
        private readonly int capacity;
        private int count;
        private int dropped;

        public LogQueue(int capacity = 10_000)
        {
            this.capacity = capacity;
        }

        public void Enqueue(LogEvent logEvent)
        {
            events.Enqueue(logEvent);
            if (Interlocked.Increment(ref count) > capacity && events.TryDequeue(out _))
            {
                Interlocked.Decrement(ref count);
                Interlocked.Increment(ref dropped);
            }
        }

        /// <summary>Takes everything queued so far, oldest first, and how many events were dropped before them.</summary>
        public IReadOnlyList<LogEvent> TakeAll(out int droppedCount)
        {
            // Every cmdlet call drains the queue twice, and it is almost always empty.
            if (events.IsEmpty && Volatile.Read(ref dropped) == 0)
            {
                droppedCount = 0;
                return Array.Empty<LogEvent>();
            }

            var taken = new List<LogEvent>();
            while (events.TryDequeue(out var logEvent))
            {
                Interlocked.Decrement(ref count);
                taken.Add(logEvent);
            }

            droppedCount = Interlocked.Exchange(ref dropped, 0);
            return taken;
        }
    }
}
