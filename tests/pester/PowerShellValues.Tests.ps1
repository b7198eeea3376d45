# Values as PowerShell scripts write them: 0 and 0.5 serve either number type, a [switch] is a boolean, [version],
# [semver], [bigint] and [decimal] user attributes, a single string for an array attribute (PowerShell unrolls one-item
# arrays), a SecureString SDK key, an unexpanded Azure Pipelines macro, and keys piped into Test-ConfigCatFlag.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module ConfigCat
    $configFile = Join-Path $TestDrive 'config.json'
    Set-Content -LiteralPath $configFile -Encoding utf8 -Value @'
{
  "p": { "u": "https://cdn-global.configcat.com", "r": 0, "s": "salt" },
  "f": {
    "ratio": { "t": 3, "v": { "d": 0.75 } },
    "count": { "t": 2, "v": { "i": 4 } },
    "newUi": { "t": 0, "v": { "b": false }, "r": [ { "c": [ { "u": { "a": "AppVersion", "c": 9, "s": "2.0.0" } } ], "s": { "v": { "b": true } } } ] },
    "adminTools": { "t": 0, "v": { "b": false }, "r": [ { "c": [ { "u": { "a": "Roles", "c": 34, "l": [ "admin" ] } } ], "s": { "v": { "b": true } } } ] },
    "bigSpender": { "t": 0, "v": { "b": false }, "r": [ { "c": [ { "u": { "a": "Spent", "c": 15, "d": 1000 } } ], "s": { "v": { "b": true } } } ] },
    "greeting": { "t": 1, "v": { "s": "hi" } }
  }
}
'@
    Connect-ConfigCat -FlagOverrides $configFile
}

AfterAll { Disconnect-ConfigCat }

Describe 'Get-ConfigCatValue -Default numbers' {
    It 'serves a <Setting> setting with -Default <Default> and returns the setting''s <Type> value' -TestCases @(
        @{ Setting = 'ratio'; Default = 0; Expected = 0.75; Type = [double] }
        @{ Setting = 'ratio'; Default = [long]0; Expected = 0.75; Type = [double] }
        @{ Setting = 'count'; Default = 0.5; Expected = 4; Type = [int] }
        @{ Setting = 'count'; Default = 1.0; Expected = 4; Type = [int] }
    ) {
        param($Setting, $Default, $Expected, $Type)
        $value = Get-ConfigCatValue -Key $Setting -Default $Default -WarningVariable warnings
        $value | Should -Be $Expected
        $value | Should -BeOfType $Type
        $warnings | Should -BeNullOrEmpty
    }

    It 'still returns the number default, unchanged, for a key the config lacks' {
        Get-ConfigCatValue -Key noSuchKey -Default 0.5 -WarningAction SilentlyContinue | Should -Be 0.5
    }

    It 'still refuses a number default for a text setting' {
        Get-ConfigCatValue -Key greeting -Default 0 -WarningVariable warnings -WarningAction SilentlyContinue | Should -Be 0
        ($warnings -join "`n") | Should -Match '\[1002\]'
    }

    It 'reads the number defaults of Export-ConfigCatValue -Default the same way' {
        Export-ConfigCatValue -Key ratio, count -Default @{ ratio = 0; count = 0.5 } -Format Env -WarningVariable warnings | Should -Be "ratio=0.75`ncount=4`n"
        $warnings | Should -BeNullOrEmpty
    }
}

Describe 'Get-ConfigCatValue -Default [switch]' {
    It 'takes a switch parameter as the boolean it is' {
        function Test-Gate { [CmdletBinding()] param([switch] $On, $User) Get-ConfigCatValue -Key newUi -Default $On -User $User }
        Test-Gate -On -User @{ Identifier = 'u'; AppVersion = '1.0.0' } -WarningVariable warnings | Should -BeFalse
        $warnings | Should -BeNullOrEmpty
        function Test-Missing { param([switch] $On) Get-ConfigCatValue -Key noSuchKey -Default $On -WarningAction SilentlyContinue }
        Test-Missing -On | Should -BeOfType ([bool])
        Test-Missing -On | Should -BeTrue
    }
}

Describe 'User attribute values' {
    It 'compares a <Type> with the semver comparators' -TestCases @(
        @{ Type = '[version]'; Value = [version]'2.1.0'; Expected = $true }
        @{ Type = '[version] with two parts'; Value = [version]'1.9'; Expected = $false }
        @{ Type = '[semver]'; Value = [semver]'2.1.0-beta.1'; Expected = $true }
    ) {
        param($Type, $Value, $Expected)
        Get-ConfigCatValue -Key newUi -Default $false -User @{ Identifier = 'u'; AppVersion = $Value } -WarningVariable warnings | Should -Be $Expected
        $warnings | Should -BeNullOrEmpty
    }

    It 'takes a single string for an array attribute as a one-item array' {
        function Get-UserRole { @('admin') }
        Get-ConfigCatValue -Key adminTools -Default $false -User @{ Identifier = 'u'; Roles = (Get-UserRole) } -WarningVariable warnings | Should -BeTrue
        $warnings | Should -BeNullOrEmpty
        Get-ConfigCatValue -Key adminTools -Default $false -User @{ Identifier = 'u'; Roles = 'viewer' } | Should -BeFalse
        Get-ConfigCatValue -Key adminTools -Default $false -User @{ Identifier = 'u'; Roles = '["admin"]' } | Should -BeTrue
    }

    It 'compares a <Type> as a number' -TestCases @(
        @{ Type = '[bigint]'; Value = [bigint]5000 }
        @{ Type = '[decimal]'; Value = [decimal]1000.5 }
    ) {
        param($Type, $Value)
        Get-ConfigCatValue -Key bigSpender -Default $false -User @{ Identifier = 'u'; Spent = $Value } -WarningVariable warnings | Should -BeTrue
        $warnings | Should -BeNullOrEmpty
    }
}

Describe 'Test-ConfigCatFlag from the pipeline' {
    It 'takes keys by value, as Get-ConfigCatValue does' {
        'newUi' | Test-ConfigCatFlag | Should -BeFalse
        @('newUi', 'adminTools') | Test-ConfigCatFlag -User @{ Identifier = 'u'; Roles = @('admin') } | Should -Be @($false, $true)
    }
}

Describe 'Connect-ConfigCat -SdkKey mistakes' {
    It 'takes a SecureString' {
        $key = 'configcat-sdk-1/AAAAAAAAAAAAAAAAAAAAAA/BBBBBBBBBBBBBBBBBBBBBB'
        $secure = ConvertTo-SecureString $key -AsPlainText -Force
        Connect-ConfigCat -SdkKey $secure -PollingMode ManualPoll -Offline
        (Get-ConfigCatClient).MaskedSdkKey | Should -BeLike '*BBBBBB'
        Connect-ConfigCat -FlagOverrides $configFile
    }

    It 'names an unexpanded Azure Pipelines macro' {
        $failure = { Connect-ConfigCat -SdkKey '$(ConfigCatSdkKey)' } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ConfigCat.InvalidSdkKey,*'
        $failure.Exception.Message | Should -BeLike "*`$(ConfigCatSdkKey)*not expanded*"
        $failure.Exception.Message | Should -BeLike '*env:*'
    }
}
