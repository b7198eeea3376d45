namespace ConfigCat.PowerShell.Cmdlets
{
    /// <summary>The ErrorIds of the module's terminating errors (<c>ConfigCat.&lt;Reason&gt;</c>).</summary>
    internal static class ErrorIds
    {
        public const string NotConnected = "ConfigCat.NotConnected";
        public const string MissingSdkKey = "ConfigCat.MissingSdkKey";
        public const string InvalidSdkKey = "ConfigCat.InvalidSdkKey";
        public const string InvalidOverrideFile = "ConfigCat.InvalidOverrideFile";
        public const string InvalidFlagOverrides = "ConfigCat.InvalidFlagOverrides";
        public const string InvalidUser = "ConfigCat.InvalidUser";
        public const string OutOfRange = "ConfigCat.ArgumentOutOfRange";
        public const string InvalidArgument = "ConfigCat.InvalidArgument";
        public const string ExportNameCollision = "ConfigCat.ExportNameCollision";
        public const string ConfigNotAvailable = "ConfigCat.ConfigNotAvailable";
    }
}
