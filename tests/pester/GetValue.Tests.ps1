# Get-ConfigCatValue end to end against the test server: keys from parameters and from the pipeline, typed defaults
# checked against the setting type, the setting's own type without a default, every shape of -User, targeting on each
# kind of attribute value, -Details, -All, -Verbose, and percentage options that bucket users as the other SDKs do.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    # A few users of the basic matrix: no user, an empty identifier, a targeted user and users that only % options place.
    $matrixRows = @(Import-Csv -LiteralPath (Get-TestDataPath 'matrix/basic.csv') -Delimiter ';')
    $matrixCases = foreach ($index in 0, 1, 2, 12, 23, 99, 500, 1011) {
        @{ Row = $index + 2; Identifier = $matrixRows[$index].Identifier; Expected = $matrixRows[$index] }
    }
}

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestServer.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-Module ConfigCat
    $server = Start-TestConfigServer

    function New-RuleSetting {
        <#
        .SYNOPSIS
        A text setting that is 'yes' when its one user condition holds and 'no' otherwise.
        #>
        param([string] $Attribute, [int] $Comparator, $Comparand)
        $condition = @{ a = $Attribute; c = $Comparator }
        if ($Comparand -is [array]) { $condition.l = @($Comparand) }
        elseif ($Comparand -is [string]) { $condition.s = $Comparand }
        else { $condition.d = [double]$Comparand }
        @{ t = 1; v = @{ s = 'no' }; i = "no-$Attribute-$Comparator"; r = @(@{ c = @(@{ u = $condition }); s = @{ v = @{ s = 'yes' }; i = "yes-$Attribute-$Comparator" } }) }
    }

    $key = New-TestSdkKey
    # 1700000000 is 2023-11-14T22:13:20Z.
    $rules = [ordered]@{
        plan     = New-RuleSetting -Attribute Plan -Comparator 28 -Comparand 'Pro'             # EQUALS
        vip      = New-RuleSetting -Attribute Identifier -Comparator 0 -Comparand @('user-1')  # IS ONE OF
        level    = New-RuleSetting -Attribute Level -Comparator 0 -Comparand @('5', '2.5')     # IS ONE OF, read as text
        adult    = New-RuleSetting -Attribute Age -Comparator 14 -Comparand 18                 # NUMBER >
        early    = New-RuleSetting -Attribute Signup -Comparator 18 -Comparand 1700000000      # BEFORE
        late     = New-RuleSetting -Attribute Signup -Comparator 19 -Comparand 1700000000      # AFTER
        admin    = New-RuleSetting -Attribute Roles -Comparator 34 -Comparand @('admin')       # ARRAY CONTAINS ANY OF
    }
    $values = [ordered]@{ isEnabled = $true; greeting = 'hello'; limit = 10; ratio = 0.5 }
    Set-TestConfig -Server $server -SdkKey $key -Json (New-TestConfigJson -Values $values -RawSettings $rules)
    $documentOrder = @((ConvertFrom-Json (New-TestConfigJson -Values $values -RawSettings $rules)).f.PSObject.Properties.Name)
}

AfterAll {
    Disconnect-ConfigCat
    Stop-TestConfigServer -Server $server
}

Describe 'Get-ConfigCatValue -Key' {
    BeforeAll { Connect-TestServer -Server $server -SdkKey $key }

    It 'returns the value of one key' {
        Get-ConfigCatValue -Key greeting | Should -Be 'hello'
    }

    It 'returns the values of several keys in the order given' {
        Get-ConfigCatValue -Key limit, greeting, isEnabled | Should -Be @(10, 'hello', $true)
    }

    It 'takes keys from the pipeline by value' {
        'greeting', 'limit' | Get-ConfigCatValue | Should -Be @('hello', 10)
    }

    It 'takes keys from the pipeline by property name' {
        [pscustomobject]@{ Key = 'greeting' }, [pscustomobject]@{ Key = 'ratio' } | Get-ConfigCatValue | Should -Be @('hello', 0.5)
    }

    It 'takes the key that Get-ConfigCatKey -VariationId found' {
        Get-ConfigCatKey -VariationId 'v-limit-10' | Get-ConfigCatValue | Should -Be 10
    }

    It 'returns the setting''s own type, <Type>, when -Default is omitted' -TestCases @(
        @{ Key = 'isEnabled'; Type = [bool]; Expected = $true }
        @{ Key = 'greeting'; Type = [string]; Expected = 'hello' }
        @{ Key = 'limit'; Type = [int]; Expected = 10 }
        @{ Key = 'ratio'; Type = [double]; Expected = 0.5 }
    ) {
        param($Key, $Type, $Expected)
        $value = Get-ConfigCatValue -Key $Key
        $value.GetType() | Should -Be $Type
        $value | Should -Be $Expected
    }

    It 'with a <Type> -Default of the setting''s type returns the served value as a <Type>' -TestCases @(
        @{ Key = 'isEnabled'; Default = $false; Type = [bool]; Expected = $true }
        @{ Key = 'greeting'; Default = 'fallback'; Type = [string]; Expected = 'hello' }
        @{ Key = 'limit'; Default = 0; Type = [int]; Expected = 10 }
        @{ Key = 'limit'; Default = [long]0; Type = [long]; Expected = 10 }
        @{ Key = 'ratio'; Default = 0.0; Type = [double]; Expected = 0.5 }
    ) {
        param($Key, $Default, $Type, $Expected)
        $value = Get-ConfigCatValue -Key $Key -Default $Default -WarningVariable warnings
        $value.GetType() | Should -Be $Type
        $value | Should -Be $Expected
        $warnings | Should -BeNullOrEmpty
    }

    It 'with a -Default of the wrong type (<Default> for a <SettingType> setting) warns naming it and returns it, with no error record' -TestCases @(
        @{ Key = 'greeting'; Default = 5; SettingType = 'String' }
        @{ Key = 'limit'; Default = 'ten'; SettingType = 'Int' }
        @{ Key = 'isEnabled'; Default = 1; SettingType = 'Boolean' }
        @{ Key = 'ratio'; Default = 'half'; SettingType = 'Double' }
    ) {
        param($Key, $Default, $SettingType)
        $ErrorActionPreference = 'Stop'
        $value = Get-ConfigCatValue -Key $Key -Default $Default -WarningVariable warnings -ErrorVariable errors 3>$null
        $value | Should -Be $Default
        $value.GetType() | Should -Be $Default.GetType()
        $errors | Should -BeNullOrEmpty
        @($warnings).Count | Should -Be 1
        "$warnings" | Should -Match ([regex]::Escape("'$Default'"))
        "$warnings" | Should -Match "Setting's type was $SettingType"
    }

    It 'with a -Default no setting can have (a date) warns and returns it' {
        $default = [datetime]'2024-01-01'
        $value = Get-ConfigCatValue -Key greeting -Default $default -WarningVariable warnings 3>$null
        $value | Should -Be $default
        "$warnings" | Should -Match 'DateTime'
    }

    It 'for an unknown key warns, lists the keys there are and returns the default' {
        $value = Get-ConfigCatValue -Key nosuchkey -Default 'fallback' -WarningVariable warnings 3>$null
        $value | Should -Be 'fallback'
        "$warnings" | Should -Match "\[1001\].*'nosuchkey'.*greeting"
    }
}

Describe 'Get-ConfigCatValue -Details and -All' {
    BeforeAll { Connect-TestServer -Server $server -SdkKey $key }

    It 'with -Details returns EvaluationDetails with the variation ID' {
        $details = Get-ConfigCatValue -Key limit -Details
        $details | Should -BeOfType ([ConfigCat.Engine.Evaluation.EvaluationDetails])
        $details.Key | Should -Be 'limit'
        $details.Value | Should -Be 10
        $details.VariationId | Should -Be 'v-limit-10'
        $details.IsDefaultValue | Should -BeFalse
        $details.ErrorMessage | Should -BeNullOrEmpty
    }

    It 'with -Details says why the default was returned: ErrorCode <ErrorCode> (<Number>)' -TestCases @(
        @{ Key = 'limit'; Default = 'ten'; Reason = "Setting's type was Int"; ErrorCode = 'SettingValueTypeMismatch'; Number = 2 }
        @{ Key = 'nosuchkey'; Default = 0; Reason = 'the key was not found'; ErrorCode = 'SettingKeyMissing'; Number = 1001 }
    ) {
        param($Key, $Default, $Reason, $ErrorCode, $Number)
        $details = Get-ConfigCatValue -Key $Key -Default $Default -Details 3>$null
        $details.Value | Should -Be $Default
        $details.IsDefaultValue | Should -BeTrue
        $details.VariationId | Should -BeNullOrEmpty
        $details.ErrorMessage | Should -Match $Reason
        "$($details.ErrorCode)" | Should -Be $ErrorCode
        [int]$details.ErrorCode | Should -Be $Number -Because "the number is the one ConfigCat's SDKs use"
    }

    It 'with -Details names the user it evaluated for and the rule that matched' {
        $details = Get-ConfigCatValue -Key plan -User @{ Identifier = 'u1'; Plan = 'Pro' } -Details
        $details.Value | Should -Be 'yes'
        $details.VariationId | Should -Be 'yes-Plan-28'
        $details.User.Identifier | Should -Be 'u1'
        $details.MatchedTargetingRule | Should -Not -BeNullOrEmpty
    }

    It 'with -All returns every setting as a SettingKeyValue, in document order' {
        $all = @(Get-ConfigCatValue -All -User @{ Identifier = 'user-1' } 3>$null)
        $all | ForEach-Object { $_ | Should -BeOfType ([ConfigCat.PowerShell.Output.SettingKeyValue]) }
        $all.Key | Should -Be $documentOrder
        ($all | Where-Object Key -EQ 'ratio').Value | Should -Be 0.5
        ($all | Where-Object Key -EQ 'vip').Value | Should -Be 'yes'
    }

    It 'with -All -Details returns the details of every setting' {
        $all = @(Get-ConfigCatValue -All -Details 3>$null)
        $all | ForEach-Object { $_ | Should -BeOfType ([ConfigCat.Engine.Evaluation.EvaluationDetails]) }
        $all.Key | Should -Be $documentOrder
        ($all | Where-Object Key -EQ 'greeting').VariationId | Should -Be 'v-greeting-hello'
    }

    It 'with -Verbose writes the evaluation log' {
        $records = Get-ConfigCatValue -Key plan -User @{ Identifier = 'u1'; Plan = 'Pro' } -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $log = ($records | ForEach-Object Message) -join "`n"
        $log | Should -Match "Evaluating 'plan' for User"
        $log | Should -Match 'Evaluating targeting rules'
        $log | Should -Match "IF User.Plan EQUALS 'Pro' THEN 'yes' => MATCH"
    }

    It 'without -Verbose writes no evaluation log' {
        $records = Get-ConfigCatValue -Key plan -User @{ Identifier = 'u1'; Plan = 'Pro' } 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $records | Should -BeNullOrEmpty
    }
}

Describe 'Get-ConfigCatValue -User' {
    BeforeAll { Connect-TestServer -Server $server -SdkKey $key }

    It 'reads a user given as <Shape>' -TestCases @(
        @{ Shape = 'a hashtable'; User = @{ Identifier = 'u1'; Plan = 'Pro' } }
        @{ Shape = 'an [ordered] table'; User = [ordered]@{ Identifier = 'u1'; Plan = 'Pro' } }
        @{ Shape = 'a PSCustomObject'; User = [pscustomobject]@{ Identifier = 'u1'; Plan = 'Pro' } }
        @{ Shape = 'a nested Custom table'; User = @{ Identifier = 'u1'; Custom = @{ Plan = 'Pro' } } }
        @{ Shape = 'a nested Custom PSCustomObject'; User = [pscustomobject]@{ Identifier = 'u1'; Custom = [pscustomobject]@{ Plan = 'Pro' } } }
    ) {
        param($Shape, $User)
        Get-ConfigCatValue -Key plan -User $User | Should -Be 'yes'
        Get-ConfigCatValue -Key plan -User @{ Identifier = 'u1'; Plan = 'Free' } | Should -Be 'no' -Because 'the rule must be able to fail'
    }

    It 'reads a user given as an identifier string' {
        Get-ConfigCatValue -Key vip -User 'user-1' | Should -Be 'yes'
        Get-ConfigCatValue -Key vip -User 'user-2' | Should -Be 'no'
    }

    It 'compares custom attribute names case-sensitively (<Shape>)' -TestCases @(
        @{ Shape = 'top level'; User = @{ Identifier = 'u1'; plan = 'Pro' } }
        @{ Shape = 'nested Custom'; User = @{ Identifier = 'u1'; Custom = @{ plan = 'Pro' } } }
    ) {
        param($Shape, $User)
        Get-ConfigCatValue -Key plan -User $User -WarningVariable warnings 3>$null | Should -Be 'no'
        "$warnings" | Should -Match 'the User.Plan attribute is missing'
    }

    It 'matches the well-known attributes in any case' {
        Get-ConfigCatValue -Key vip -User @{ identifier = 'user-1' } | Should -Be 'yes'
    }

    It 'reads <Kind> attribute values as text for text comparators' -TestCases @(
        @{ Kind = 'string'; Level = '5'; Expected = 'yes' }
        @{ Kind = 'int'; Level = 5; Expected = 'yes' }
        @{ Kind = 'double'; Level = 2.5; Expected = 'yes' }
        @{ Kind = 'another int'; Level = 3; Expected = 'no' }
    ) {
        param($Kind, $Level, $Expected)
        Get-ConfigCatValue -Key level -User @{ Identifier = 'u1'; Level = $Level } 3>$null | Should -Be $Expected
    }

    It 'reads <Kind> for a number comparator' -TestCases @(
        @{ Kind = 'an int above 18'; Age = 20; Expected = 'yes' }
        @{ Kind = 'a double above 18'; Age = 18.5; Expected = 'yes' }
        @{ Kind = 'a long above 18'; Age = [long]19; Expected = 'yes' }
        @{ Kind = 'a numeric string above 18'; Age = '21'; Expected = 'yes' }
        @{ Kind = 'an int of 18'; Age = 18; Expected = 'no' }
        @{ Kind = 'a double below 18'; Age = 17.9; Expected = 'no' }
    ) {
        param($Kind, $Age, $Expected)
        Get-ConfigCatValue -Key adult -User @{ Identifier = 'u1'; Age = $Age } | Should -Be $Expected
    }

    It 'reads [datetime] values for <Rule> (signup <Signup>)' -TestCases @(
        @{ Rule = 'BEFORE'; Key = 'early'; Signup = [datetime]::SpecifyKind([datetime]'2020-01-01', 'Utc'); Expected = 'yes' }
        @{ Rule = 'BEFORE'; Key = 'early'; Signup = [datetime]::SpecifyKind([datetime]'2024-01-01', 'Utc'); Expected = 'no' }
        @{ Rule = 'AFTER'; Key = 'late'; Signup = [datetime]::SpecifyKind([datetime]'2024-01-01', 'Utc'); Expected = 'yes' }
        @{ Rule = 'AFTER'; Key = 'late'; Signup = [datetime]::SpecifyKind([datetime]'2020-01-01', 'Utc'); Expected = 'no' }
        @{ Rule = 'AFTER'; Key = 'late'; Signup = [datetime]::SpecifyKind([datetime]'2023-11-14T22:13:21', 'Utc'); Expected = 'yes' }
        @{ Rule = 'BEFORE'; Key = 'early'; Signup = [datetime]::SpecifyKind([datetime]'2023-11-14T22:13:19', 'Utc'); Expected = 'yes' }
    ) {
        param($Rule, $Key, $Signup, $Expected)
        Get-ConfigCatValue -Key $Key -User @{ Identifier = 'u1'; Signup = $Signup } | Should -Be $Expected
    }

    It 'reads the local time of Get-Date for AFTER' {
        Get-ConfigCatValue -Key late -User @{ Identifier = 'u1'; Signup = Get-Date } | Should -Be 'yes'
    }

    It 'reads a number of unix seconds for AFTER' {
        Get-ConfigCatValue -Key late -User @{ Identifier = 'u1'; Signup = 1700000001 } | Should -Be 'yes'
        Get-ConfigCatValue -Key late -User @{ Identifier = 'u1'; Signup = 1699999999 } | Should -Be 'no'
    }

    It 'reads string arrays for ARRAY CONTAINS ANY OF (<Roles>)' -TestCases @(
        @{ Roles = @('user', 'admin'); Expected = 'yes' }
        @{ Roles = @('admin'); Expected = 'yes' }
        @{ Roles = @('user'); Expected = 'no' }
        @{ Roles = @(); Expected = 'no' }
    ) {
        param($Roles, $Expected)
        Get-ConfigCatValue -Key admin -User @{ Identifier = 'u1'; Roles = $Roles } 3>$null | Should -Be $Expected
    }

    It 'reads a string array from a PSCustomObject''s nested Custom table' {
        Get-ConfigCatValue -Key admin -User ([pscustomobject]@{ Identifier = 'u1'; Custom = @{ Roles = [string[]]('admin') } }) | Should -Be 'yes'
    }

    It 'warns and returns the default for a -User that cannot describe a user' {
        $ErrorActionPreference = 'Stop'
        $value = Get-ConfigCatValue -Key plan -Default 'fallback' -User 42 -WarningVariable warnings 3>$null
        $value | Should -Be 'fallback'
        "$warnings" | Should -Match '-User'
    }
}

Describe 'Percentage options and targeting give the other SDKs'' answers (matrix basic, row <Row>: <Identifier>)' -ForEach $matrixCases {
    BeforeAll {
        $matrixKey = New-TestSdkKey
        Set-TestConfig -Server $server -SdkKey $matrixKey -Json (Get-Content -LiteralPath (Get-TestDataPath 'matrix/basic.json') -Raw)
        Connect-TestServer -Server $server -SdkKey $matrixKey

        # The CSV's conventions (see testdata/README.md): ##null## in Identifier is no user, an empty or ##null## attribute is unset.
        $user = $null
        if ($Expected.Identifier -ne '##null##') {
            $user = @{ Identifier = $Expected.Identifier }
            foreach ($attribute in 'Email', 'Country', 'Custom1') {
                if ($Expected.$attribute -and $Expected.$attribute -ne '##null##') {
                    $user[$attribute] = $Expected.$attribute
                }
            }
        }
        $settingKeys = @($Expected.PSObject.Properties.Name | Select-Object -Skip 4)
    }

    It 'evaluates every key as the CSV expects' {
        $actual = @(Get-ConfigCatValue -Key $settingKeys -User $user 3>$null)
        $actual.Count | Should -Be $settingKeys.Count
        for ($i = 0; $i -lt $settingKeys.Count; $i++) {
            $expectedText = $Expected.($settingKeys[$i])
            $value = $actual[$i]
            if ($value -is [bool]) {
                "$value" | Should -Be $expectedText -Because $settingKeys[$i]
            }
            elseif ($value -is [int] -or $value -is [double]) {
                $value | Should -Be ([double]::Parse($expectedText, [cultureinfo]::InvariantCulture)) -Because $settingKeys[$i]
            }
            else {
                $value | Should -BeExactly $expectedText -Because $settingKeys[$i]
            }
        }
    }
}
