using System;
using System.Linq;
using System.Management.Automation;
using ConfigCat.PowerShell.Session;

namespace ConfigCat.PowerShell.Cmdlets
{
    /// <summary>
    /// Subscribes to config changes the PowerShell way, like Register-ObjectEvent: with -Action the script block runs
    /// for each change and the event job is returned; without it, events queue up for Wait-Event and Get-Event. Remove
    /// the subscription with Unregister-Event (or Disconnect-ConfigCat).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Register, "ConfigCatChanged")]
    [OutputType(typeof(PSEventJob))]
    public sealed class RegisterConfigCatChangedCommand : ConnectedCmdlet
    {
        public const string DefaultSourceIdentifier = "ConfigCat.ConfigChanged";

        [Parameter(Position = 0)]
        public ScriptBlock? Action { get; set; }

        [Parameter(Position = 1)]
        public string SourceIdentifier { get; set; } = DefaultSourceIdentifier;

        [Parameter]
        public PSObject? MessageData { get; set; }

        protected override void ProcessRecord()
        {
            // As Register-ObjectEvent: a second subscriber under one identifier would receive the first one's events.
            if (Events.GetEventSubscribers(SourceIdentifier).Any())
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException("A subscriber with the source identifier '" + SourceIdentifier + "' already exists. Pass another -SourceIdentifier, or remove it first with Unregister-Event " + SourceIdentifier + "."),
                    ErrorIds.DuplicateSourceIdentifier, ErrorCategory.ResourceExists, SourceIdentifier));
                return;
            }

            var subscriber = Events.SubscribeEvent(null, null, SourceIdentifier, MessageData, Action, false, false);
            Connection.AddRegistration(new EventRegistration(Events, SourceIdentifier, subscriber, MessageData));
            if (subscriber.Action != null)
            {
                WriteObject(subscriber.Action);
            }
        }
    }
}
