using System;
using System.Linq;
using System.Management.Automation;
using ConfigCat.Engine.Evaluation;
using ConfigCat.PowerShell.Completion;
using ConfigCat.PowerShell.Conversion;

namespace ConfigCat.PowerShell.Cmdlets
{
    /// <summary>
    /// $true or $false for a feature flag: the one-liner that gates a pipeline step. A setting that is not a boolean
    /// flag is an error (the answer would be meaningless); other problems (unknown key, no config) return -Default
    /// ($false unless given) with a warning, so a gate fails closed.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "ConfigCatFlag")]
    [OutputType(typeof(bool))]
    public sealed class TestConfigCatFlagCommand : ConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(FlagKeyCompleter))]
        public string Key { get; set; } = string.Empty;

        [Parameter]
        public object? User { get; set; }

        [Parameter(Position = 1)]
        public bool Default { get; set; }

        protected override void ProcessRecord()
        {
            User? user;
            try
            {
                user = UserConverter.Convert(User) ?? Connection.DefaultUser;
            }
            catch (ArgumentException e)
            {
                WriteWarning("ConfigCat: -User: " + e.Message + " Returning the default value for '" + Key + "'.");
                WriteObject(Default);
                return;
            }

            var snapshot = UntilStopped(Connection.Client.GetSnapshot);
            var result = snapshot.Evaluate(Key, Default, user, CallLogger);
            var isNotAFlag = result.ErrorCode == EvaluationErrorCode.SettingValueTypeMismatch;

            // The error record below says it better than the SDK's generic 1002 message.
            WriteLogEvents(CallLog.Take().Where(e => !(isNotAFlag && e.EventId == 1002)).ToList());
            if (isNotAFlag)
            {
                var type = snapshot.Settings![Key].Type;
                WriteError(new ErrorRecord(
                    new InvalidOperationException("'" + Key + "' is a " + type + " setting, not a feature flag: Test-ConfigCatFlag answers only for boolean flags. Read it with Get-ConfigCatValue -Key " + Key + "."),
                    ErrorIds.NotAFeatureFlag, ErrorCategory.InvalidType, Key));
            }

            WriteObject(result.Value is bool flag ? flag : Default);
        }
    }
}
