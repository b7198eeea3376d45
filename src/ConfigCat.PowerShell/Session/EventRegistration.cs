using System;
using System.Linq;
using System.Management.Automation;

namespace ConfigCat.PowerShell.Session
{
    /// <summary>A Register-ConfigCatChanged subscription: where to raise the PowerShell event, and the subscriber to
    /// remove when the connection ends.</summary>
    internal sealed class EventRegistration
    {
        public EventRegistration(PSEventManager events, string sourceIdentifier, PSEventSubscriber subscriber, PSObject? messageData)
        {
            Events = events;
            SourceIdentifier = sourceIdentifier;
            Subscriber = subscriber;
            MessageData = messageData;
        }

        public PSEventManager Events { get; }

        public string SourceIdentifier { get; }

        public PSEventSubscriber Subscriber { get; }

        /// <summary>The subscriber's -MessageData, handed to each event it gets as <c>$Event.MessageData</c>.</summary>
        public PSObject? MessageData { get; }

        /// <summary>False once the subscriber was removed (Unregister-Event) or its runspace's event manager is gone.</summary>
        public bool IsSubscribed
        {
            get
            {
                try
                {
                    return Events.GetEventSubscribers(SourceIdentifier).Contains(Subscriber);
                }
                catch (Exception exception) when (exception is InvalidOperationException || exception is ObjectDisposedException)
                {
                    return false;
                }
            }
        }
    }
}
