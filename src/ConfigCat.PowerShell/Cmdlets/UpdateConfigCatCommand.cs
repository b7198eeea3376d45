using System.Management.Automation;
using ConfigCat.Engine.Polling;

namespace ConfigCat.PowerShell.Cmdlets
{
    /// <summary>Downloads the config now (the only way a ManualPoll connection ever downloads) and returns the outcome.
    /// A failed download is a result, not an error: the last good config stays in use.</summary>
    [Cmdlet(VerbsData.Update, "ConfigCat")]
    [OutputType(typeof(RefreshResult))]
    public sealed class UpdateConfigCatCommand : ConnectedCmdlet
    {
        protected override void ProcessRecord()
        {
            var result = UntilStopped(Connection.Client.ForceRefresh);
            DrainBackgroundLog(Connection);
            WriteObject(result);
        }
    }
}
