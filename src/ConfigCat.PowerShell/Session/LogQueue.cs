using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using ConfigCat.Engine.Logging;

namespace ConfigCat.PowerShell.Session
{
    /// <summary>
    /// Log events raised on background threads (polling, downloads), held until a cmdlet of the connection runs on
    /// its pipeline thread and writes them: PowerShell streams may only be written from there. Bounded so a runbook
    /// that stops calling cmdlets cannot grow it forever; what had to be dropped is counted and reported. A problem
    /// that repeats (a poll failing every interval) is written once, with how often and over which time span.
    /// </summary>
    internal sealed class LogQueue
    {
        private readonly ConcurrentQueue<Entry> events = new ConcurrentQueue<Entry>();
        private readonly int capacity;
        private int count;
        private int dropped;

        public LogQueue(int capacity = 10_000)
        {
            this.capacity = capacity;
        }

        public void Enqueue(LogEvent logEvent)
        {
            events.Enqueue(new Entry(logEvent, DateTime.UtcNow));
            if (Interlocked.Increment(ref count) > capacity && events.TryDequeue(out _))
            {
                Interlocked.Decrement(ref count);
                Interlocked.Increment(ref dropped);
            }
        }

        /// <summary>Takes everything queued so far, one event per distinct problem in the order each first occurred,
        /// and how many events were dropped before them.</summary>
        public IReadOnlyList<LogEvent> TakeAll(out int droppedCount)
        {
            // Every cmdlet call drains the queue twice, and it is almost always empty.
            if (events.IsEmpty && Volatile.Read(ref dropped) == 0)
            {
                droppedCount = 0;
                return Array.Empty<LogEvent>();
            }

            var problems = new List<Problem>();
            var byText = new Dictionary<(LogLevel, int, string), Problem>();
            while (events.TryDequeue(out var entry))
            {
                Interlocked.Decrement(ref count);
                var text = (entry.Event.Level, entry.Event.EventId, entry.Event.Message);
                if (byText.TryGetValue(text, out var problem))
                {
                    problem.Repeat(entry.Time);
                }
                else
                {
                    problem = new Problem(entry);
                    byText.Add(text, problem);
                    problems.Add(problem);
                }
            }

            droppedCount = Interlocked.Exchange(ref dropped, 0);
            return problems.ConvertAll(problem => problem.ToLogEvent());
        }

        private sealed class Entry
        {
            public Entry(LogEvent logEvent, DateTime time)
            {
                Event = logEvent;
                Time = time;
            }

            public LogEvent Event { get; }

            public DateTime Time { get; }
        }

        private sealed class Problem
        {
            private readonly Entry first;
            private DateTime last;
            private int occurrences = 1;

            public Problem(Entry first)
            {
                this.first = first;
                last = first.Time;
            }

            public void Repeat(DateTime time)
            {
                occurrences++;
                last = time;
            }

            public LogEvent ToLogEvent()
            {
                var logEvent = first.Event;
                if (occurrences == 1)
                {
                    return logEvent;
                }

                var span = " (" + occurrences.ToString(CultureInfo.InvariantCulture) + " times from " + Clock(first.Time) + " to " + Clock(last) + " UTC)";
                return new LogEvent(logEvent.Level, logEvent.EventId, logEvent.Message + span, logEvent.Exception);
            }

            private static string Clock(DateTime time) => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        }
    }
}
