<#
.SYNOPSIS
Publishes the staged module folder into a folder repository as <Name>.<Version>.nupkg.
.DESCRIPTION
build.ps1 Package runs this in a child pwsh whose HOME is a throwaway folder, because Register-PSResourceRepository
saves the registration in the user's profile. Publish-PSResource is used, not PowerShellGet 2's Publish-Module, which
fails with NETSDK1061 on the .NET 10 SDK.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $RepositoryPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$repositoryName = 'ConfigCatBuildOutput'
Register-PSResourceRepository -Name $repositoryName -Uri $RepositoryPath -Trusted
try {
    Publish-PSResource -Path $ModulePath -Repository $repositoryName
}
finally {
    Unregister-PSResourceRepository -Name $repositoryName
}
