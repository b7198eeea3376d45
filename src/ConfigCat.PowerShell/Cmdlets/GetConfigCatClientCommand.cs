using System.Management.Automation;
using ConfigCat.PowerShell.Session;

namespace ConfigCat.PowerShell.Cmdlets
{
    /// <summary>The runspace's connection with its live status: masked SDK key, polling mode, offline, cache state,
    /// where the config came from, last fetch time, ETag, number of settings and the last error.</summary>
    [Cmdlet(VerbsCommon.Get, "ConfigCatClient")]
    [OutputType(typeof(ConfigCatConnection))]
    public sealed class GetConfigCatClientCommand : ConnectedCmdlet
    {
        protected override void ProcessRecord() => WriteObject(Connection);
    }
}
