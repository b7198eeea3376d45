# Export-ConfigCatValue output that is safe to consume: names that would collide stop the export before anything is
# written, a .env file sourced by a real POSIX shell (bash and dash) gives back every byte and runs nothing, a data file
# always loads, and with no config the export writes what the help promises (-Default) or fails with -RequireConfig.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module ConfigCat
    $ciVariables = 'TF_BUILD', 'GITHUB_ACTIONS', 'GITHUB_OUTPUT', 'GITHUB_ENV'
    function Save-CiEnvironment { $ciVariables | ForEach-Object { @{ Name = $_; Value = [Environment]::GetEnvironmentVariable($_) } } }
    function Restore-CiEnvironment($saved) { $saved | ForEach-Object { [Environment]::SetEnvironmentVariable($_.Name, $_.Value) } }

    # Keys that differ only in case cannot share a PowerShell hashtable, so they go to the module through a file.
    function New-OverrideFile([string[]] $Keys) {
        $path = Join-Path $TestDrive ('overrides-{0}.json' -f [guid]::NewGuid())
        $entries = $Keys | ForEach-Object { '"{0}": true' -f $_ }
        Set-Content -LiteralPath $path -Value ('{ "flags": { ' + ($entries -join ', ') + ' } }') -Encoding utf8
        $path
    }

    # Sources a .env file the way a pipeline step does (set -a; . ./file) and returns the variables' values exactly,
    # NUL-separated so that trailing newlines survive.
    function Read-SourcedEnv([string] $Shell, [string] $EnvFile, [string[]] $Names) {
        $printed = ($Names | ForEach-Object { '"${' + $_ + '}"' }) -join ' '
        $dump = Join-Path $TestDrive "dump-$Shell.bin"
        & $Shell -c "set -a; . '$EnvFile'; printf '%s\0' $printed > '$dump'"
        $LASTEXITCODE | Should -Be 0 -Because "$Shell must source the file without errors"
        $text = [Text.Encoding]::UTF8.GetString([IO.File]::ReadAllBytes($dump))
        , $text.Substring(0, $text.Length - 1).Split([char]0)
    }
}

Describe 'Export-ConfigCatValue names that collide' {
    AfterEach { Disconnect-ConfigCat }

    It '-Format <Format> <Switch> refuses keys that map to one name, naming them, and writes nothing' -TestCases @(
        @{ Format = 'Env'; Switch = ''; Keys = 'feature-x', 'feature_x', 'feature.x'; Name = 'feature_x' }
        @{ Format = 'GitHubActions'; Switch = '-EnvironmentVariable'; Keys = 'feature-x', 'feature_x', 'feature.x'; Name = 'feature_x' }
        @{ Format = 'GitHubActions'; Switch = ''; Keys = 'feature-x', 'Feature-X'; Name = 'feature-x' }
        @{ Format = 'AzureDevOps'; Switch = ''; Keys = 'feature-x', 'feature_x', 'feature.x'; Name = 'feature_x' }
        @{ Format = 'AzureDevOps'; Switch = ''; Keys = 'deployToProd', 'Deploytoprod'; Name = 'deployToProd' }
        @{ Format = 'Psd1'; Switch = ''; Keys = 'deployToProd', 'Deploytoprod'; Name = 'deployToProd' }
    ) {
        param($Format, $Switch, $Keys, $Name)
        Connect-ConfigCat -FlagOverrides (New-OverrideFile (@('unrelated') + $Keys))
        $path = Join-Path $TestDrive "collide.$Format"
        Set-Content -LiteralPath $path -Value 'previous'
        $arguments = @{ All = $true; Format = $Format; Path = $path; EnvironmentVariable = ($Switch -eq '-EnvironmentVariable') }

        $failure = { Export-ConfigCatValue @arguments 6>&1 } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ConfigCat.ExportNameCollision,*'
        foreach ($key in $Keys) { $failure.Exception.Message | Should -BeLike "*'$key'*" }
        $failure.Exception.Message | Should -BeLike "*-Format $Format*"
        Get-Content -LiteralPath $path | Should -Be 'previous'
    }

    It 'writes nothing to the host for Azure DevOps when names collide' {
        Connect-ConfigCat -FlagOverrides (New-OverrideFile 'first', 'a-b', 'a_b')
        $lines = @()
        { $script:lines = Export-ConfigCatValue -All -Format AzureDevOps 6>&1 } | Should -Throw -ErrorId 'ConfigCat.ExportNameCollision,*'
        $lines | Should -BeNullOrEmpty
    }

    It 'exports keys that differ only in case to Env and Json, which are case-sensitive' {
        Connect-ConfigCat -FlagOverrides (New-OverrideFile 'deployToProd', 'Deploytoprod')
        Export-ConfigCatValue -All -Format Env | Should -BeExactly "deployToProd=true`nDeploytoprod=true`n"
        Export-ConfigCatValue -All -Format Json | Should -BeExactly "{`n  `"deployToProd`": true,`n  `"Deploytoprod`": true`n}`n"
    }

    It 'lets -Key pick one of the colliding keys' {
        Connect-ConfigCat -FlagOverrides ([ordered]@{ 'feature-x' = 1; 'feature_x' = 2 })
        Export-ConfigCatValue -Key 'feature_x' -Format Env | Should -Be "feature_x=2`n"
    }
}

Describe 'Export-ConfigCatValue hostile values' {
    BeforeAll {
        $marker = Join-Path $TestDrive 'executed'
        $hostile = [ordered]@{
            backtick  = "it's ``touch $marker`` now"
            subshell  = "`$(touch $marker) and `${HOME} and `$HOME"
            quotes    = 'single '' double " mixed ''"'''
            backslash = 'a\b\\c\n\'
            newlines  = "line1`nline2`r`n`n"
            hash      = '#not a comment # and more'
            spaces    = '  leading and trailing  '
            unicode   = "ünï 😀 $([char]0x2018)curly$([char]0x2019) $([char]0x201C)quotes$([char]0x201D)"
            empty     = ''
            plain     = 'https://x.example/a-b_c.d:8080@e+f,g'
        }
        Connect-ConfigCat -FlagOverrides $hostile
    }
    AfterAll { Disconnect-ConfigCat }

    It 'writes the exact .env text: plain values bare, everything else single-quoted' {
        Export-ConfigCatValue -All -Format Env | Should -BeExactly ((@(
                "backtick='it'\''s ``touch $marker`` now'"
                "subshell='`$(touch $marker) and `${HOME} and `$HOME'"
                "quotes='single '\'' double `" mixed '\''`"'\'''"
                "backslash='a\b\\c\n\'"
                "newlines='line1`nline2`r`n`n'"
                "hash='#not a comment # and more'"
                "spaces='  leading and trailing  '"
                "unicode='$($hostile.unicode)'"
                "empty=''"
                'plain=https://x.example/a-b_c.d:8080@e+f,g'
            ) -join "`n") + "`n")
    }

    It 'gives every byte back and runs nothing when <Shell> sources the file with set -a' -TestCases @(
        @{ Shell = 'bash' }
        @{ Shell = 'dash' }
    ) {
        param($Shell)
        $envFile = Join-Path $TestDrive "flags-$Shell.env"
        Export-ConfigCatValue -All -Format Env -Path $envFile
        $values = Read-SourcedEnv -Shell $Shell -EnvFile $envFile -Names @($hostile.Keys)
        $values | Should -HaveCount $hostile.Count
        $i = 0
        foreach ($entry in $hostile.GetEnumerator()) {
            $values[$i++] | Should -BeExactly $entry.Value -Because "$Shell must read '$($entry.Key)' back unchanged"
        }
        Test-Path -LiteralPath $marker | Should -BeFalse -Because 'no command in a value may run'
    }

    It 'writes the exact Azure DevOps logging commands' {
        $lines = Export-ConfigCatValue -Key backtick, newlines, quotes, hash -Format AzureDevOps 6>&1 | ForEach-Object { "$_" }
        $lines | Should -BeExactly @(
            "##vso[task.setvariable variable=backtick;isOutput=true]it's ``touch $marker`` now"
            '##vso[task.setvariable variable=newlines;isOutput=true]line1%0Aline2%0D%0A%0A'
            "##vso[task.setvariable variable=quotes;isOutput=true]single ' double `" mixed '`"'"
            '##vso[task.setvariable variable=hash;isOutput=true]#not a comment # and more'
        )
    }

    It 'writes the exact GitHub Actions entries' {
        $output = Join-Path $TestDrive 'github_output'
        Export-ConfigCatValue -Key backtick, spaces, newlines -Format GitHubActions -Path $output
        $text = [IO.File]::ReadAllText($output)
        $delimiter = [regex]::Match($text, 'newlines<<(ghadelimiter_[0-9a-f]{32})\n').Groups[1].Value
        $delimiter | Should -Not -BeNullOrEmpty
        $text | Should -BeExactly ("backtick=it's ``touch $marker`` now`nspaces=  leading and trailing  `nnewlines<<$delimiter`nline1`nline2`r`n`n`n$delimiter`n")
    }

    It 'writes a data file that Import-PowerShellDataFile reads back unchanged' {
        $path = Join-Path $TestDrive 'hostile.psd1'
        Export-ConfigCatValue -All -Format Psd1 -Path $path
        $data = Import-PowerShellDataFile -LiteralPath $path
        foreach ($entry in $hostile.GetEnumerator()) {
            $data[$entry.Key] | Should -BeExactly $entry.Value
        }
        Test-Path -LiteralPath $marker | Should -BeFalse
    }
}

Describe 'Export-ConfigCatValue without a config' {
    BeforeAll {
        $server = Start-TestConfigServer
        $key = New-TestSdkKey
    }
    AfterAll { Stop-TestConfigServer -Server $server }
    BeforeEach { Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -PollingMode ManualPoll }
    AfterEach { Disconnect-ConfigCat }

    It 'writes the -Default values of the requested keys, with a warning that there is no config' {
        $json = Export-ConfigCatValue -Key deployToProd, maxParallelism -Default @{ maxParallelism = 2 } -Format Json -WarningVariable warnings -WarningAction SilentlyContinue
        $json | Should -Be "{`n  `"maxParallelism`": 2`n}`n"
        ($warnings -join "`n") | Should -Match "\[1000\].*'deployToProd'"
    }

    It 'writes the -Default values with -All' {
        $lines = Export-ConfigCatValue -All -Default ([ordered]@{ deployToProd = $false; maxParallelism = 2 }) -Format AzureDevOps -WarningAction SilentlyContinue 6>&1 | ForEach-Object { "$_" }
        $lines | Should -Be @(
            '##vso[task.setvariable variable=deployToProd;isOutput=true]false'
            '##vso[task.setvariable variable=maxParallelism;isOutput=true]2'
        )
    }

    It 'fails with -RequireConfig and writes nothing' {
        $path = Join-Path $TestDrive 'required.env'
        $failure = { Export-ConfigCatValue -All -Default @{ a = 1 } -Format Env -Path $path -RequireConfig } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ConfigCat.ConfigNotAvailable,*'
        $failure.Exception.Message | Should -BeLike '*Update-ConfigCat*'
        Test-Path -LiteralPath $path | Should -BeFalse
    }
}

Describe 'Export-ConfigCatValue -Default with a config' {
    BeforeAll { Connect-ConfigCat -FlagOverrides ([ordered]@{ deployToProd = $true; maxParallelism = 4 }) }
    AfterAll { Disconnect-ConfigCat }

    It 'uses the config value where there is one and the default for a key the config lacks' {
        $text = Export-ConfigCatValue -Key maxParallelism, region -Default @{ maxParallelism = 1; region = 'eu' } -Format Env -WarningVariable warnings -WarningAction SilentlyContinue
        $text | Should -Be "maxParallelism=4`nregion=eu`n"
        ($warnings -join "`n") | Should -Match "\[1001\].*'region'.*'eu'"
    }

    It 'adds the -Default keys the config lacks to -All' {
        Export-ConfigCatValue -All -Default @{ region = 'eu' } -Format Env -WarningAction SilentlyContinue | Should -Be "deployToProd=true`nmaxParallelism=4`nregion=eu`n"
    }

    It 'does not -RequireConfig fail when there is a config' {
        Export-ConfigCatValue -Key deployToProd -Format Env -RequireConfig | Should -Be "deployToProd=true`n"
    }

    It 'refuses a -Default value no setting can have, naming its key' {
        $failure = { Export-ConfigCatValue -All -Default @{ when = [datetime]::Now } -Format Env } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ConfigCat.InvalidArgument,*'
        $failure.Exception.Message | Should -BeLike "*'when'*"
    }
}

Describe 'Export-ConfigCatValue -Format' {
    It 'is optional and defaults to Auto, so leaving it out never prompts' {
        $parameter = (Get-Command Export-ConfigCatValue).Parameters['Format']
        $parameter.Attributes | Where-Object { $_ -is [Parameter] } | ForEach-Object { $_.Mandatory | Should -BeFalse }
        $saved = Save-CiEnvironment
        Connect-ConfigCat -FlagOverrides @{ deployToProd = $true }
        try {
            $env:GITHUB_ACTIONS = $null
            $env:TF_BUILD = 'True'
            Export-ConfigCatValue -All 6>&1 | ForEach-Object { "$_" } | Should -Be '##vso[task.setvariable variable=deployToProd;isOutput=true]true'
        }
        finally {
            Restore-CiEnvironment $saved
            Disconnect-ConfigCat
        }
    }
}
