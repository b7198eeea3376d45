# The pipeline and runbook features: Test-ConfigCatFlag gating, Export-ConfigCatValue in every format (exact text,
# awkward values and names), -Format Auto under simulated CI environments, Get-ConfigCatClient status, and the SDK key
# registered as a secret with the CI system the moment Connect-ConfigCat receives it.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module ConfigCat

    # Values chosen to break naive writers: quotes, a newline, unicode, empty text, ';' and ']', a percent sign.
    $flags = [ordered]@{
        'deploy-to.prod' = $true
        'quote'          = 'say "hi" it''s'
        'multi'          = "line1`nline2"
        'unicode'        = 'ünï 😀'
        'empty'          = ''
        'logging;]cmd'   = 'a;b]c 100%'
        'endpointUrl'    = 'https://x.example/api'
        '2fast'          = 42
        'ratio'          = 0.25
    }
    $overrideFile = Join-Path $TestDrive 'flags.json'
    @{ flags = $flags } | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $overrideFile -Encoding utf8NoBOM
    $ciVariables = 'TF_BUILD', 'GITHUB_ACTIONS', 'GITHUB_OUTPUT', 'GITHUB_ENV'

    function Save-CiEnvironment { $ciVariables | ForEach-Object { @{ Name = $_; Value = [Environment]::GetEnvironmentVariable($_) } } }
    function Restore-CiEnvironment($saved) { $saved | ForEach-Object { [Environment]::SetEnvironmentVariable($_.Name, $_.Value) } }
}

Describe 'Test-ConfigCatFlag' {
    BeforeAll { Connect-ConfigCat -FlagOverrides $overrideFile }
    AfterAll { Disconnect-ConfigCat }

    It 'answers $true or $false for a boolean flag' {
        Test-ConfigCatFlag 'deploy-to.prod' | Should -BeTrue
        Test-ConfigCatFlag 'deploy-to.prod' | Should -BeOfType ([bool])
    }

    It 'fails closed with a warning for an unknown key' {
        Test-ConfigCatFlag 'noSuchFlag' -WarningVariable warnings -WarningAction SilentlyContinue | Should -BeFalse
        $warnings[0].Message | Should -Match "\[1001\].*'noSuchFlag'"
        Test-ConfigCatFlag 'noSuchFlag' -Default $true -WarningAction SilentlyContinue | Should -BeTrue
    }

    It 'reports a non-boolean setting as an error naming its type' {
        $result = Test-ConfigCatFlag quote -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable warnings
        $result | Should -BeFalse
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ConfigCat.NotAFeatureFlag,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidType'
        $problems[0].Exception.Message | Should -Match "'quote' is a String setting"
        $warnings | Should -BeNullOrEmpty
    }

    It 'gates a step in one line' {
        $deployed = $false
        if (Test-ConfigCatFlag 'deploy-to.prod') { $deployed = $true }
        $deployed | Should -BeTrue
    }
}

Describe 'Export-ConfigCatValue' {
    BeforeAll { Connect-ConfigCat -FlagOverrides $overrideFile }
    AfterAll { Disconnect-ConfigCat }

    It 'writes Azure DevOps output variables with escaped data and sanitised names' {
        $lines = Export-ConfigCatValue -Key 'deploy-to.prod', 'multi', 'logging;]cmd', 'endpointUrl', 'unicode', 'empty' -Format AzureDevOps 6>&1 | ForEach-Object { "$_" }
        $lines | Should -Be @(
            '##vso[task.setvariable variable=deploy_to.prod;isOutput=true]true'
            '##vso[task.setvariable variable=multi;isOutput=true]line1%0Aline2'
            '##vso[task.setvariable variable=logging__cmd;isOutput=true]a;b]c 100%AZP25'
            '##vso[task.setvariable variable=_endpointUrl;isOutput=true]https://x.example/api'
            '##vso[task.setvariable variable=unicode;isOutput=true]ünï 😀'
            '##vso[task.setvariable variable=empty;isOutput=true]'
        )
    }

    It 'writes Azure DevOps job variables with -EnvironmentVariable and -Prefix' {
        $lines = Export-ConfigCatValue -Key 'ratio' -Format AzureDevOps -EnvironmentVariable -Prefix 'FF_' 6>&1 | ForEach-Object { "$_" }
        $lines | Should -Be '##vso[task.setvariable variable=FF_ratio]0.25'
    }

    It 'appends GitHub Actions outputs (UTF-8 without BOM, multi-line safe) without overwriting the file' {
        $output = Join-Path $TestDrive 'github_output'
        [IO.File]::WriteAllText($output, "earlier=kept`n")
        Export-ConfigCatValue -Key 'deploy-to.prod', 'multi', 'quote', '2fast' -Format GitHubActions -Path $output

        $bytes = [IO.File]::ReadAllBytes($output)
        $bytes[0..2] | Should -Not -Be @(0xEF, 0xBB, 0xBF)
        $text = [Text.Encoding]::UTF8.GetString($bytes)
        $text | Should -Match '^earlier=kept\n'
        $text | Should -Match '(?m)^deploy-to_prod=true$'
        $text | Should -Match '(?m)^quote=say "hi" it''s$'
        $text | Should -Match '(?m)^_2fast=42$'
        $text | Should -Match '(?ms)^multi<<(ghadelimiter_[0-9a-f]+)\nline1\nline2\n\1\n'
    }

    It 'appends to $env:GITHUB_ENV with -EnvironmentVariable under GitHub Actions' {
        $saved = Save-CiEnvironment
        try {
            $env:TF_BUILD = $null
            $env:GITHUB_ACTIONS = 'true'
            $env:GITHUB_ENV = Join-Path $TestDrive 'github_env'
            $env:GITHUB_OUTPUT = Join-Path $TestDrive 'github_output_unused'
            Export-ConfigCatValue -Key 'deploy-to.prod', 'unicode' -Format Auto -EnvironmentVariable
            Get-Content -LiteralPath $env:GITHUB_ENV -Encoding utf8 | Should -Be @('deploy_to_prod=true', 'unicode=ünï 😀')
            Test-Path $env:GITHUB_OUTPUT | Should -BeFalse
        }
        finally {
            Restore-CiEnvironment $saved
        }
    }

    It 'picks Azure DevOps for -Format Auto under TF_BUILD' {
        $saved = Save-CiEnvironment
        try {
            $env:GITHUB_ACTIONS = $null
            $env:TF_BUILD = 'True'
            $lines = Export-ConfigCatValue -Key 'deploy-to.prod' -Format Auto 6>&1 | ForEach-Object { "$_" }
            $lines | Should -Be '##vso[task.setvariable variable=deploy_to.prod;isOutput=true]true'
        }
        finally {
            Restore-CiEnvironment $saved
        }
    }

    It 'refuses -Format Auto outside CI and writes nothing' {
        $saved = Save-CiEnvironment
        try {
            $env:TF_BUILD = $null
            $env:GITHUB_ACTIONS = $null
            $failure = { Export-ConfigCatValue -All -Format Auto } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeLike 'ConfigCat.CiNotDetected,*'
        }
        finally {
            Restore-CiEnvironment $saved
        }
    }

    It 'writes a .env file with single quotes where values need them' {
        $path = Join-Path $TestDrive 'flags.env'
        Export-ConfigCatValue -Key 'deploy-to.prod', 'quote', 'multi', 'empty', 'endpointUrl', 'logging;]cmd' -Format Env -Path $path
        Get-Content -LiteralPath $path -Encoding utf8 | Should -Be @(
            'deploy_to_prod=true'
            "quote='say `"hi`" it'\''s'"
            "multi='line1"
            "line2'"
            "empty=''"
            'endpointUrl=https://x.example/api'
            "logging__cmd='a;b]c 100%'"
        )
    }

    It 'returns JSON with the original keys and typed values' {
        $json = Export-ConfigCatValue -Key 'deploy-to.prod', 'multi', '2fast', 'ratio', 'unicode', 'logging;]cmd' -Format Json
        $parsed = $json | ConvertFrom-Json -AsHashtable
        $parsed['deploy-to.prod'] | Should -BeTrue
        $parsed['multi'] | Should -Be "line1`nline2"
        $parsed['2fast'] | Should -Be 42
        $parsed['ratio'] | Should -Be 0.25
        $parsed['unicode'] | Should -Be 'ünï 😀'
        $parsed['logging;]cmd'] | Should -Be 'a;b]c 100%'
        @($parsed.Keys) | Should -Be @('deploy-to.prod', 'multi', '2fast', 'ratio', 'unicode', 'logging;]cmd')
    }

    It 'writes a PowerShell data file that Import-PowerShellDataFile reads back' {
        $path = Join-Path $TestDrive 'flags.psd1'
        Export-ConfigCatValue -All -Format Psd1 -Path $path
        $data = Import-PowerShellDataFile -LiteralPath $path
        foreach ($entry in $flags.GetEnumerator()) {
            $data[$entry.Key] | Should -Be $entry.Value -Because "the value of '$($entry.Key)' must survive"
        }
    }

    It 'takes keys from the pipeline and leaves out a key the config lacks, with a warning' {
        $json = 'deploy-to.prod', 'missingKey' | Export-ConfigCatValue -Format Json -WarningVariable warnings -WarningAction SilentlyContinue
        @(($json | ConvertFrom-Json -AsHashtable).Keys) | Should -Be @('deploy-to.prod')
        $warnings[0].Message | Should -Match "'missingKey'"
    }

    It 'leaves an existing file untouched when the export fails' {
        $path = Join-Path $TestDrive 'untouched.json'
        Set-Content -LiteralPath $path -Value 'previous'
        { Export-ConfigCatValue -All -Format Json -Path $path -User 42 } | Should -Throw -ErrorId 'ConfigCat.InvalidUser,ConfigCat.PowerShell.Cmdlets.ExportConfigCatValueCommand'
        Get-Content -LiteralPath $path | Should -Be 'previous'
    }
}

Describe 'Get-ConfigCatClient' {
    BeforeAll {
        $server = Start-TestConfigServer
        $key = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values ([ordered]@{ a = $true; b = 'x' }))
    }
    AfterAll {
        Disconnect-ConfigCat
        Stop-TestConfigServer -Server $server
    }

    It 'shows the live status of the connection' {
        Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl
        $client = Get-ConfigCatClient
        $client.MaskedSdkKey | Should -Be ('*' * 15 + '/' + '*' * 22 + '/' + '*' * 16 + $key.Substring($key.Length - 6))
        "$($client.PollingMode)" | Should -Be 'AutoPoll'
        $client.IsOffline | Should -BeFalse
        "$($client.CacheState)" | Should -Be 'HasUpToDateFlagData'
        "$($client.ConfigSource)" | Should -Be 'Cdn'
        $client.SettingCount | Should -Be 2
        $client.ETag | Should -Not -BeNullOrEmpty
        $client.LastFetchTime | Should -BeGreaterThan ([datetime]::UtcNow.AddMinutes(-1))
        $client.LastError | Should -BeNullOrEmpty
    }

    It 'shows the last error after a failed download' {
        Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -PollingMode ManualPoll
        Set-TestFault -Server $server -Fault Status -Status 503
        try {
            $null = Update-ConfigCat -WarningAction SilentlyContinue
            (Get-ConfigCatClient).LastError | Should -Match '503'
        }
        finally {
            Set-TestFault -Server $server -Fault None
        }
    }

    It 'shows local overrides as the config source' {
        Connect-ConfigCat -FlagOverrides @{ a = 1 }
        "$((Get-ConfigCatClient).ConfigSource)" | Should -Be 'LocalOverrides'
    }
}

Describe 'SDK key masking in CI' {
    It 'registers the key as a secret with <System> before anything else is written' -TestCases @(
        @{ System = 'Azure Pipelines'; Variables = @{ TF_BUILD = 'True'; GITHUB_ACTIONS = $null }; Command = '##vso[task.setsecret]' }
        @{ System = 'GitHub Actions'; Variables = @{ TF_BUILD = $null; GITHUB_ACTIONS = 'true' }; Command = '::add-mask::' }
    ) {
        param($System, $Variables, $Command)
        $server = Start-TestConfigServer
        $saved = Save-CiEnvironment
        try {
            foreach ($variable in $Variables.GetEnumerator()) { [Environment]::SetEnvironmentVariable($variable.Key, $variable.Value) }
            $key = New-TestSdkKey
            # No config for this key: the download gets a 404, so error 1100 (which shows the key masked) is logged too.
            $everything = & {
                Connect-ConfigCat -SdkKey $key -BaseUrl $server.BaseUrl -PollingMode ManualPoll -Verbose
                Update-ConfigCat -Verbose | Format-List | Out-String
                Get-ConfigCatClient | Format-List | Out-String
                Get-ConfigCatValue anything -Default 1 -Details -Verbose | Format-List * | Out-String
            } *>&1 | ForEach-Object { "$_" }
            $everything[0] | Should -Be ($Command + $key)
            $rest = $everything | Select-Object -Skip 1
            ($rest -join "`n") | Should -Not -Match ([regex]::Escape($key))
            ($rest -join "`n") | Should -Match ([regex]::Escape($key.Substring($key.Length - 6)))
        }
        finally {
            Disconnect-ConfigCat
            Restore-CiEnvironment $saved
            Stop-TestConfigServer -Server $server
        }
    }
}
