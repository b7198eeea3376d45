# Source manifest of the ConfigCat module. build.ps1 stamps ModuleVersion from Directory.Build.props (VersionPrefix) into
# the staged copy out/ConfigCat/ConfigCat.psd1; never set a version here.
@{
    RootModule           = 'ConfigCat.PowerShell.dll'
    ModuleVersion        = '{{ModuleVersion}}'
    GUID                 = 'deac954a-be62-46b9-acdd-3b7e14f5fd0e'
    Author               = 'ConfigCat for PowerShell contributors'
    CompanyName          = 'ConfigCat for PowerShell contributors'
    Copyright            = '(c) 2026 ConfigCat for PowerShell contributors. All rights reserved.'
    Description          = 'Reads ConfigCat feature flags and settings: downloads the config, keeps it fresh and evaluates flags locally with the same answers as the official ConfigCat SDKs. Windows PowerShell 5.1 and PowerShell 7.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'

    # Explicit lists, never wildcards: command discovery and auto-loading read them without loading the dll.
    # Add each cmdlet here as it lands; tests/pester/Manifest.Tests.ps1 compares this list with the dll.
    CmdletsToExport      = @(
        'Connect-ConfigCat'
        'Disconnect-ConfigCat'
        'Export-ConfigCatValue'
        'Get-ConfigCatClient'
        'Get-ConfigCatKey'
        'Get-ConfigCatValue'
        'Register-ConfigCatChanged'
        'Test-ConfigCatFlag'
        'Test-ConfigCatWebhook'
        'Update-ConfigCat'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()

    FormatsToProcess     = @('ConfigCat.Format.ps1xml')

    PrivateData          = @{
        PSData = @{
            Tags         = @('ConfigCat', 'FeatureFlags', 'FeatureToggle', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/configcat-powershell/ConfigCat'
            LicenseUri   = 'https://github.com/configcat-powershell/ConfigCat/blob/main/LICENSE'
            Prerelease   = 'preview1'
            ReleaseNotes = 'First preview: Connect-ConfigCat, Get-ConfigCatValue, Test-ConfigCatFlag, Get-ConfigCatKey, Export-ConfigCatValue, Update-ConfigCat, Register-ConfigCatChanged, Test-ConfigCatWebhook, Get-ConfigCatClient and Disconnect-ConfigCat over a full ConfigCat SDK engine (config JSON v6, every targeting feature, polling, shared file cache, flag overrides).'
        }
    }
}
