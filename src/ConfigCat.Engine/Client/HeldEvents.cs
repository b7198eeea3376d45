using System;
using System.Collections.Generic;

namespace ConfigCat.Engine.Client
{
    /// <summary>
    /// The client's events, held back while a download is in flight and raised once it has settled. The fetcher and
    /// the cache log (and so raise LogEmitted and Error) in the middle of a download; a handler run right there that
    /// refreshed or evaluated in lazy load would join that very download and wait for itself forever. Outside a
    /// download events are raised at once, on the caller's thread.
    /// </summary>
    internal sealed class HeldEvents
    {
        private readonly object gate = new object();
        private List<Action>? held;

        public void Hold()
        {
            lock (gate)
            {
                held ??= new List<Action>();
            }
        }

        public void Raise(Action raise)
        {
            lock (gate)
            {
                if (held != null)
                {
                    held.Add(raise);
                    return;
                }
            }

            raise();
        }

        /// <summary>Raises what was held, in order, on the calling thread; events raised meanwhile are not held.</summary>
        public void Release()
        {
            List<Action>? toRaise;
            lock (gate)
            {
                toRaise = held;
                held = null;
            }

            if (toRaise == null)
            {
                return;
            }

            foreach (var raise in toRaise)
            {
                raise();
            }
        }
    }
}
