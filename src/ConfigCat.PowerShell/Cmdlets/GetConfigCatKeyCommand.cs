using System;
using System.Management.Automation;
using ConfigCat.PowerShell.Completion;
using ConfigCat.PowerShell.Output;

namespace ConfigCat.PowerShell.Cmdlets
{
    /// <summary>Lists the setting keys of the current config, or finds the key and value that carry a variation ID.</summary>
    [Cmdlet(VerbsCommon.Get, "ConfigCatKey", DefaultParameterSetName = AllSet)]
    [OutputType(typeof(string), ParameterSetName = new[] { AllSet })]
    [OutputType(typeof(SettingKeyValue), ParameterSetName = new[] { VariationIdSet })]
    public sealed class GetConfigCatKeyCommand : ConnectedCmdlet
    {
        private const string AllSet = "All";
        private const string VariationIdSet = "VariationId";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = VariationIdSet)]
        [ArgumentCompleter(typeof(VariationIdCompleter))]
        public string[] VariationId { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            var snapshot = UntilStopped(Connection.Client.GetSnapshot);
            if (ParameterSetName == AllSet)
            {
                var keys = snapshot.GetAllKeys(CallLogger);
                WriteLogEvents(CallLog.Take());
                foreach (var key in keys)
                {
                    WriteObject(key);
                }

                return;
            }

            foreach (var variationId in VariationId)
            {
                if (string.IsNullOrEmpty(variationId))
                {
                    WriteWarning("ConfigCat: an empty variation ID matches no setting.");
                    continue;
                }

                var found = snapshot.GetKeyAndValue(variationId, CallLogger);
                WriteLogEvents(CallLog.Take());
                if (found != null)
                {
                    WriteObject(new SettingKeyValue(found.Value.Key, found.Value.Value));
                }
            }
        }
    }
}
