using System;
using System.Diagnostics;
using System.Threading;

namespace ConfigCat.Tests.Support
{
    /// <summary>Waits for something a background thread does. The limit is a generous bound on a hang, not a speed goal.</summary>
    public static class Eventually
    {
        public static bool Happens(Func<bool> condition, TimeSpan limit)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < limit)
            {
                if (condition())
                {
                    return true;
                }

                Thread.Sleep(20);
            }

            return condition();
        }
    }
}
