namespace ConfigCat.PowerShell.Cmdlets
{
    /// <summary>The ErrorIds of the module's error records (<c>ConfigCat.&lt;Reason&gt;</c>), terminating or not.</summary>
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
        public const string CiNotDetected = "ConfigCat.CiNotDetected";
        public const string NoOutputFile = "ConfigCat.NoOutputFile";
        public const string ExportFailed = "ConfigCat.ExportFailed";
        public const string NotAFeatureFlag = "ConfigCat.NotAFeatureFlag";
        public const string DuplicateSourceIdentifier = "ConfigCat.DuplicateSourceIdentifier";
        public const string MissingSigningKey = "ConfigCat.MissingSigningKey";
        public const string ExportNameCollision = "ConfigCat.ExportNameCollision";
        public const string ConfigNotAvailable = "ConfigCat.ConfigNotAvailable";
    }
}
