using System.Management.Automation;
using System.Net;
using System.Security;

namespace ConfigCat.PowerShell.Conversion
{
    /// <summary>Lets a text parameter take a SecureString (what Get-Secret and Read-Host -AsSecureString return) as
    /// the text it protects; PowerShell would otherwise bind its type name, "System.Security.SecureString".</summary>
    internal sealed class SecureStringToTextAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
            PowerShellValues.Unwrap(inputData) is SecureString secure ? new NetworkCredential(string.Empty, secure).Password : inputData;
    }
}
