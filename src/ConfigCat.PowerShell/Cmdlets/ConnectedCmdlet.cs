using System.Management.Automation;
using ConfigCat.Engine.Logging;
using ConfigCat.PowerShell.Session;

namespace ConfigCat.PowerShell.Cmdlets
{
    /// <summary>A cmdlet that works through a connection: the one passed with -Client, else the runspace's current one.
    /// Background log messages are written when it starts and when it ends.</summary>
    public abstract class ConnectedCmdlet : ConfigCatCmdlet
    {
        private ConfigCatConnection? connection;

        /// <summary>The connection to use instead of the runspace's current one (e.g. <c>$using:client</c> in
        /// ForEach-Object -Parallel).</summary>
        [Parameter]
        public ConfigCatConnection? Client { get; set; }

        internal ConfigCatConnection Connection => connection!;

        protected override void BeginProcessing()
        {
            connection = Client ?? ConnectionStore.Current;
            if (connection == null)
            {
                ThrowTerminating(ErrorIds.NotConnected, ErrorCategory.InvalidOperation,
                    "Not connected to ConfigCat. Run Connect-ConfigCat first, or pass a connection with -Client.", null);
            }

            if (!connection!.IsConnected)
            {
                ThrowTerminating(ErrorIds.NotConnected, ErrorCategory.InvalidOperation,
                    "This ConfigCat connection was disconnected. Run Connect-ConfigCat again.", connection);
            }

            DrainBackgroundLog(connection);
        }

        protected override void EndProcessing() => DrainBackgroundLog(Connection);

        /// <summary>A logger for this call: its messages go to <paramref name="log"/>, to be written by this cmdlet only,
        /// and name this cmdlet and its -Default parameter.</summary>
        internal Logger CallLogger(CallLog log) =>
            Connection.Client.Logger.WithLevel(CallLogLevel(Connection.LogLevel)).WithSink(log).ForCaller(MyInvocation.MyCommand.Name, "-Default");
    }
}
