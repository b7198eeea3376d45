# The staged module folder out/ConfigCat as Build leaves it: manifest, exports, files, and the Windows PowerShell 5.1
# dependency closure. Run through tests/pester/Invoke-PesterSuite.ps1 after `dotnet pwsh ./build.ps1 Build`.

BeforeDiscovery {
    $requiredTags = @('ConfigCat', 'FeatureFlags', 'FeatureToggle', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
    $exportLists = @('CmdletsToExport', 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport')
}

BeforeAll {
    Set-StrictMode -Version Latest
    $repositoryRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $repositoryRoot 'build/BuildSupport.psm1') -Force
    $moduleDirectory = Join-Path $repositoryRoot 'out/ConfigCat'
    $manifestPath = Join-Path $moduleDirectory 'ConfigCat.psd1'
    $dependencyDirectory = Join-Path $moduleDirectory 'Dependencies'
    if (-not (Test-Path -LiteralPath $manifestPath)) {
        throw "Nothing is staged at $manifestPath; run: dotnet pwsh ./build.ps1 Build"
    }
    $manifest = Import-PowerShellDataFile -LiteralPath $manifestPath

    function Get-AssemblyReference {
        <#
        .SYNOPSIS
        Reads a dll's assembly references from its metadata without loading it, because net472 dependency builds cannot
        be loaded into pwsh 7 reliably and loading would change what the tests observe.
        #>
        param([Parameter(Mandatory)] [string] $Path)

        $stream = [IO.File]::OpenRead($Path)
        $peReader = [Reflection.PortableExecutable.PEReader]::new($stream)
        try {
            $reader = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($peReader)
            foreach ($handle in $reader.AssemblyReferences) {
                $reference = $reader.GetAssemblyReference($handle)
                [pscustomobject]@{ Name = $reader.GetString($reference.Name); Version = $reference.Version }
            }
        }
        finally {
            $peReader.Dispose()
            $stream.Dispose()
        }
    }

    function Get-DependencyClosure {
        <#
        .SYNOPSIS
        Walks the references of the module's own assemblies through Dependencies/ and sorts every reference into the
        module's own, shipped, provided by .NET Framework 4.7.2 or PowerShell, or unresolved.
        .DESCRIPTION
        Computed from the dlls themselves, independently of the list in build.ps1, so a missing or surplus file fails
        here even if build.ps1 and the shipped folder agree with each other.
        #>
        $provided = @('mscorlib', 'netstandard', 'System', 'System.Core', 'System.Numerics', 'System.Management.Automation')
        $pending = [Collections.Generic.Queue[string]]::new()
        Get-ChildItem -LiteralPath $moduleDirectory -Filter 'ConfigCat.*.dll' | ForEach-Object { $pending.Enqueue($_.FullName) }
        $visited = [Collections.Generic.HashSet[string]]::new()
        $shipped = [Collections.Generic.HashSet[string]]::new()
        $unresolved = [Collections.Generic.List[string]]::new()
        $tooOld = [Collections.Generic.List[string]]::new()

        while ($pending.Count -gt 0) {
            $path = $pending.Dequeue()
            if (-not $visited.Add($path)) { continue }
            foreach ($reference in Get-AssemblyReference -Path $path) {
                $ownPath = Join-Path $moduleDirectory "$($reference.Name).dll"
                $shippedPath = Join-Path $dependencyDirectory "$($reference.Name).dll"
                if ($reference.Name -like 'ConfigCat.*' -and (Test-Path -LiteralPath $ownPath)) {
                    $pending.Enqueue($ownPath)
                }
                elseif (Test-Path -LiteralPath $shippedPath) {
                    [void]$shipped.Add("$($reference.Name).dll")
                    $pending.Enqueue($shippedPath)
                    $shippedVersion = [Reflection.AssemblyName]::GetAssemblyName($shippedPath).Version
                    if ($shippedVersion -lt $reference.Version) {
                        $tooOld.Add("$([IO.Path]::GetFileName($path)) wants $($reference.Name) $($reference.Version), ships $shippedVersion")
                    }
                }
                elseif ($reference.Name -notin $provided) {
                    $unresolved.Add("$([IO.Path]::GetFileName($path)) -> $($reference.Name) $($reference.Version)")
                }
            }
        }
        [pscustomobject]@{ Shipped = @($shipped | Sort-Object); Unresolved = @($unresolved); TooOld = @($tooOld) }
    }
}

Describe 'Staged manifest out/ConfigCat/ConfigCat.psd1' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $manifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'carries the version of Directory.Build.props VersionPrefix' {
        $manifest.ModuleVersion | Should -Be (Get-ModuleVersionPrefix -RepositoryRoot $repositoryRoot)
    }

    It 'loads ConfigCat.PowerShell.dll as its root module and no RequiredAssemblies' {
        $manifest.RootModule | Should -Be 'ConfigCat.PowerShell.dll'
        $manifest.ContainsKey('RequiredAssemblies') | Should -BeFalse
    }

    It 'targets Windows PowerShell 5.1 on .NET Framework 4.7.2 and PowerShell 7' {
        $manifest.PowerShellVersion | Should -Be '5.1'
        $manifest.DotNetFrameworkVersion | Should -Be '4.7.2'
        ($manifest.CompatiblePSEditions | Sort-Object) -join ',' | Should -Be 'Core,Desktop'
    }

    It 'lists <_> explicitly, without wildcards' -ForEach $exportLists {
        $manifest.ContainsKey($_) | Should -BeTrue
        @($manifest[$_] | Where-Object { $_ -match '[*?]' }) | Should -BeNullOrEmpty
    }

    It 'exports exactly the cmdlet classes of ConfigCat.PowerShell.dll' {
        $assembly = [Reflection.Assembly]::LoadFrom((Join-Path $moduleDirectory 'ConfigCat.PowerShell.dll'))
        $cmdlets = foreach ($type in $assembly.GetExportedTypes()) {
            if (-not $type.IsAbstract) {
                foreach ($attribute in $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)) {
                    "$($attribute.VerbName)-$($attribute.NounName)"
                }
            }
        }
        (@($manifest.CmdletsToExport) | Sort-Object) -join ', ' | Should -Be ((@($cmdlets) | Sort-Object) -join ', ')
    }

    It 'exports no functions, aliases or variables' {
        @($manifest.FunctionsToExport) + @($manifest.AliasesToExport) + @($manifest.VariablesToExport) | Should -BeNullOrEmpty
    }

    It 'tags the gallery package <_>' -ForEach $requiredTags {
        $manifest.PrivateData.PSData.Tags | Should -Contain $_
    }

    It 'has a project URI, license URI and release notes' {
        $manifest.PrivateData.PSData.ProjectUri | Should -Match '^https://'
        $manifest.PrivateData.PSData.LicenseUri | Should -Match '^https://'
        $manifest.PrivateData.PSData.ReleaseNotes | Should -Not -BeNullOrEmpty
    }

    It 'names every exported cmdlet in the release notes' {
        foreach ($cmdlet in $manifest.CmdletsToExport) {
            $manifest.PrivateData.PSData.ReleaseNotes | Should -Match ([regex]::Escape($cmdlet)) -Because "the release notes must mention $cmdlet"
        }
    }

    It 'marks the version as a prerelease exactly when the release notes call it a preview' {
        $callsItAPreview = $manifest.PrivateData.PSData.ReleaseNotes -match '(?i)\bpreview\b'
        $isPrerelease = -not [string]::IsNullOrEmpty($manifest.PrivateData.PSData['Prerelease'])
        $isPrerelease | Should -Be $callsItAPreview
    }

    It 'marks the version as a prerelease when the CHANGELOG calls it a preview' {
        $version = Get-ModuleVersionPrefix -RepositoryRoot $repositoryRoot
        $changelog = Get-Content -LiteralPath (Join-Path $repositoryRoot 'CHANGELOG.md') -Raw
        $entry = [regex]::Match($changelog, '(?ms)^## \[' + [regex]::Escape($version) + '\][^\n]*\n(.*?)(?=^## |\z)').Groups[1].Value
        $entry | Should -Not -BeNullOrEmpty -Because "the CHANGELOG has an entry for $version"
        $callsItAPreview = $entry -match '(?i)\bpreview\b'
        (-not [string]::IsNullOrEmpty($manifest.PrivateData.PSData['Prerelease'])) | Should -Be $callsItAPreview
    }

    It 'references only files that exist in the staged folder' {
        $referenced = foreach ($key in 'RootModule', 'NestedModules', 'FormatsToProcess', 'TypesToProcess', 'ScriptsToProcess', 'RequiredAssemblies', 'FileList') {
            if ($manifest.ContainsKey($key)) { $manifest[$key] }
        }
        @($referenced).Count | Should -BeGreaterThan 1
        @($referenced | Where-Object { -not (Test-Path -LiteralPath (Join-Path $moduleDirectory $_)) }) | Should -BeNullOrEmpty
    }

    It 'stages nothing beyond the manifest, its files, the engine, Dependencies and en-US' {
        $expected = @('ConfigCat.psd1', 'ConfigCat.Engine.dll', 'Dependencies', 'en-US', $manifest.RootModule) + @($manifest.FormatsToProcess)
        @(Get-ChildItem -LiteralPath $moduleDirectory | Where-Object Name -notin $expected | ForEach-Object Name) | Should -BeNullOrEmpty
    }
}

Describe 'Dependencies for Windows PowerShell 5.1' {
    BeforeAll {
        $closure = Get-DependencyClosure
    }

    It 'ships System.Text.Json 8.0.x for .NET Framework' {
        $version = [Reflection.AssemblyName]::GetAssemblyName((Join-Path $dependencyDirectory 'System.Text.Json.dll')).Version
        "$($version.Major).$($version.Minor)" | Should -Be '8.0'
    }

    It 'never ships System.Management.Automation.dll' {
        Get-ChildItem -LiteralPath $moduleDirectory -Recurse -Filter 'System.Management.Automation.dll' | Should -BeNullOrEmpty
    }

    It 'resolves every reference of the module to its own files, Dependencies, or .NET Framework and PowerShell' {
        $closure.Unresolved | Should -BeNullOrEmpty
    }

    It 'ships exactly the reachable closure, nothing unused' {
        $files = @(Get-ChildItem -LiteralPath $dependencyDirectory -File | ForEach-Object Name | Sort-Object)
        $files -join ', ' | Should -Be ($closure.Shipped -join ', ')
        $files | Should -Contain 'System.Text.Json.dll'
    }

    It 'ships each dependency at a version at least as high as any reference to it, as the resolver requires' {
        $closure.TooOld | Should -BeNullOrEmpty
    }
}
