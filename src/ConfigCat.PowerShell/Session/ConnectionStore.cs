using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace ConfigCat.PowerShell.Session
{
    /// <summary>
    /// The current connection of each runspace. Kept per runspace (not per process) because Azure Automation runs
    /// several jobs in one process, and each ForEach-Object -Parallel runspace connects on its own. A runspace that
    /// closes without disconnecting releases its connection then.
    /// </summary>
    internal static class ConnectionStore
    {
        private static readonly ConditionalWeakTable<Runspace, Slot> Slots = new ConditionalWeakTable<Runspace, Slot>();

        public static ConfigCatConnection? Current => Runspace.DefaultRunspace is Runspace runspace && Slots.TryGetValue(runspace, out var slot) ? slot.Connection : null;

        /// <summary>Makes <paramref name="connection"/> the runspace's connection and returns the one it replaces.</summary>
        public static ConfigCatConnection? Replace(ConfigCatConnection connection)
        {
            var runspace = Runspace.DefaultRunspace;
            var slot = Slots.GetValue(runspace, created =>
            {
                created.StateChanged += OnRunspaceStateChanged;
                return new Slot();
            });
            lock (slot)
            {
                var previous = slot.Connection;
                slot.Connection = connection;
                return previous;
            }
        }

        /// <summary>Forgets <paramref name="connection"/> if it is the runspace's current one.</summary>
        public static void Forget(ConfigCatConnection connection)
        {
            if (Runspace.DefaultRunspace is Runspace runspace && Slots.TryGetValue(runspace, out var slot))
            {
                lock (slot)
                {
                    if (ReferenceEquals(slot.Connection, connection))
                    {
                        slot.Connection = null;
                    }
                }
            }
        }

        /// <summary>Ends the runspace's current connection, if any.</summary>
        public static void DisconnectCurrent()
        {
            if (Current is ConfigCatConnection connection)
            {
                connection.Close(removeSubscriptions: true);
                Forget(connection);
            }
        }

        private static void OnRunspaceStateChanged(object? sender, RunspaceStateEventArgs e)
        {
            if (sender is Runspace runspace && (e.RunspaceStateInfo.State == RunspaceState.Closed || e.RunspaceStateInfo.State == RunspaceState.Broken)
                && Slots.TryGetValue(runspace, out var slot))
            {
                ConfigCatConnection? connection;
                lock (slot)
                {
                    connection = slot.Connection;
                    slot.Connection = null;
                }

                connection?.Close(removeSubscriptions: false);
            }
        }

        private sealed class Slot
        {
            public ConfigCatConnection? Connection { get; set; }
        }
    }
}
