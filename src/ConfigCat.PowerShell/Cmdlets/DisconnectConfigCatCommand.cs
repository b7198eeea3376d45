using System.Management.Automation;
using ConfigCat.PowerShell.Session;

namespace ConfigCat.PowerShell.Cmdlets
{
    /// <summary>Ends the runspace's connection (or the one given): removes its change subscriptions and releases its
    /// share of the engine client, which stops polling when no other runspace uses it. Doing it twice is harmless.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ConfigCat")]
    [OutputType(typeof(void))]
    public sealed class DisconnectConfigCatCommand : ConfigCatCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        public ConfigCatConnection? Client { get; set; }

        protected override void ProcessRecord()
        {
            var connection = Client ?? ConnectionStore.Current;
            if (connection == null)
            {
                WriteVerbose("Not connected to ConfigCat; nothing to disconnect.");
                return;
            }

            DrainBackgroundLog(connection);
            connection.Close(removeSubscriptions: true);
            ConnectionStore.Forget(connection);
            WriteVerbose("Disconnected from ConfigCat: " + connection);
        }
    }
}
