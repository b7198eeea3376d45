# -FlagOverrides mistakes caught at connect with an error naming the key, JSON text instead of a path, and the ambient
# overrides of $env:CONFIGCAT_FLAG_OVERRIDES that let a test run a script which connects by itself, offline.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module ConfigCat
}

Describe 'Connect-ConfigCat -FlagOverrides mistakes' {
    AfterEach { Disconnect-ConfigCat }

    It 'refuses <Case> at connect, naming the key' -TestCases @(
        @{ Case = 'an array'; Value = @(1, 2) }
        @{ Case = '$null'; Value = $null }
        @{ Case = 'a [datetime]'; Value = [datetime]'2024-01-01' }
        @{ Case = 'a nested hashtable'; Value = @{ inner = 1 } }
        @{ Case = 'a whole number beyond 32 bits'; Value = 5000000000 }
    ) {
        param($Case, $Value)
        $failure = { Connect-ConfigCat -FlagOverrides @{ good = 1; badKey = $Value } } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ConfigCat.InvalidFlagOverrides,*'
        $failure.Exception.Message | Should -BeLike "-FlagOverrides: the value of 'badKey' *."
    }

    It 'takes a [long] that fits 32 bits and a [switch] as flag values' {
        Connect-ConfigCat -FlagOverrides @{ count = [long]5; on = [switch]$true }
        Get-ConfigCatValue -Key count -Default 0 | Should -BeOfType ([int])
        Test-ConfigCatFlag on | Should -BeTrue
    }

    It 'refuses a file with neither flags nor f' {
        $path = Join-Path $TestDrive 'wrong.json'
        Set-Content -LiteralPath $path -Value '{ "flag": true }'
        $failure = { Connect-ConfigCat -FlagOverrides $path } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ConfigCat.InvalidOverrideFile,*'
        $failure.Exception.Message | Should -BeLike "*neither a 'flags' object*nor the 'f' object*"
    }

    It 'takes JSON text instead of a path' {
        Connect-ConfigCat -FlagOverrides '{ "flags": { "fromText": 7 } }'
        Get-ConfigCatValue fromText -Default 0 | Should -Be 7
    }

    It 'names a path on a drive that does not exist with a documented error id' {
        $failure = { Connect-ConfigCat -FlagOverrides 'nosuchdrive:\flags.json' } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ConfigCat.InvalidFlagOverrides,*'
        $failure.Exception.Message | Should -BeLike "-FlagOverrides: 'nosuchdrive:\flags.json' is not a file system path*"
    }
}

Describe '$env:CONFIGCAT_FLAG_OVERRIDES' {
    BeforeEach { $saved = $env:CONFIGCAT_FLAG_OVERRIDES }
    AfterEach {
        $env:CONFIGCAT_FLAG_OVERRIDES = $saved
        Disconnect-ConfigCat
    }

    It 'runs a script that connects with an SDK key on local values, offline, from <Kind>' -TestCases @(
        @{ Kind = 'a file'; Write = { param($folder) $path = Join-Path $folder 'ambient.json'; Set-Content -LiteralPath $path -Value '{ "flags": { "deployToProd": true } }'; $path } }
        @{ Kind = 'JSON text'; Write = { param($folder) '{ "flags": { "deployToProd": true } }' } }
    ) {
        param($Kind, $Write)
        $env:CONFIGCAT_FLAG_OVERRIDES = & $Write $TestDrive
        $script = {
            Connect-ConfigCat -SdkKey 'configcat-sdk-1/AAAAAAAAAAAAAAAAAAAAAA/BBBBBBBBBBBBBBBBBBBBBB' -BaseUrl 'http://127.0.0.1:9' -FlagOverrides @{ deployToProd = $false } -OverrideBehaviour RemoteOverLocal
            Test-ConfigCatFlag deployToProd
        }
        $output = @(& $script 3>&1)
        $output | Should -HaveCount 1 -Because 'no warning is written'
        $output[0] | Should -BeTrue
        "$((Get-ConfigCatClient).ConfigSource)" | Should -Be 'LocalOverrides'
    }

    It 'leaves Update-ConfigCat a LocalOnly refresh: nothing downloaded, the local values kept' {
        $env:CONFIGCAT_FLAG_OVERRIDES = '{ "flags": { "deployToProd": true } }'
        Connect-ConfigCat -SdkKey 'configcat-sdk-1/AAAAAAAAAAAAAAAAAAAAAA/CCCCCCCCCCCCCCCCCCCCCC' -BaseUrl 'http://127.0.0.1:9' -PollingMode ManualPoll
        $result = Update-ConfigCat -WarningAction SilentlyContinue
        $result.IsSuccess | Should -BeFalse
        "$($result.ErrorCode)" | Should -Be 'LocalOnlyClient'
        Test-ConfigCatFlag deployToProd | Should -BeTrue
    }
}
