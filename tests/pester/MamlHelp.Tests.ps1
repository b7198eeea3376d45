# The parts of the help generator (build/MamlHelp) one by one, on small pages written here and on Write-Output, a cmdlet
# whose parameters do not change. Help.Tests.ps1 checks what the whole generator makes of docs/en-US.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot '../../build/MamlHelp/MamlHelp.psm1') -Force
    $writeOutput = Get-Command Write-Output -CommandType Cmdlet
    $helpFileName = 'Test.dll-Help.xml'

    # A correct platyPS 0.14 page for Write-Output; tests change one thing in it.
    $page = @'
---
external help file: Test.dll-Help.xml
Module Name: Test
online version: https://example.com/Write-Output.md
schema: 2.0.0
---

# Write-Output

## SYNOPSIS
Writes objects to the **pipeline**.

## SYNTAX

```
Write-Output [-InputObject] <PSObject> [-NoEnumerate] [<CommonParameters>]
```

## DESCRIPTION
Sends objects down the pipeline,
one at a time.

See [about_Pipelines](https://example.com/about_Pipelines) for more.

## EXAMPLES

### Example 1: Write a number

```powershell
Write-Output 42    # 42
```

Writes the number.

## PARAMETERS

### -InputObject
The objects to send.

```yaml
Type: PSObject
Parameter Sets: (All)
Aliases:

Required: True
Position: 0
Default value: None
Accept pipeline input: True (ByValue)
Accept wildcard characters: False
```

### -NoEnumerate
Writes a collection as one object.

```yaml
Type: SwitchParameter
Parameter Sets: (All)
Aliases:

Required: False
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
```

### CommonParameters
This cmdlet supports the common parameters.

## INPUTS

### System.Management.Automation.PSObject
Any object.

## OUTPUTS

### System.Management.Automation.PSObject
The same objects.

## NOTES
- First note.
- Second note
  continued.

## RELATED LINKS

[about_Pipelines](https://example.com/about_Pipelines)
'@

    function Read-TestPage {
        param([string] $Text)
        $path = Join-Path $TestDrive 'Write-Output.md'
        Set-Content -LiteralPath $path -Value $Text -NoNewline
        Read-CommandPage -Document (Read-MarkdownFile -Path $path) -Name 'Write-Output' -HelpFileName $helpFileName -ModuleName 'Test'
    }
}

Describe 'build/MamlHelp' {
    BeforeEach {
        Clear-HelpProblem
    }

    Describe 'Markdown reader' {
        It 'splits front matter, headings, text and fenced code, with their line numbers' {
            $path = Join-Path $TestDrive 'blocks.md'
            Set-Content -LiteralPath $path -Value "---`nschema: 2.0.0`nonline version:`n---`n`n# Title`nfirst line`nsecond line`n`n``````powershell`n'code'`n```````n" -NoNewline
            $document = Read-MarkdownFile -Path $path

            $document.FrontMatter['schema'] | Should -Be '2.0.0'
            $document.FrontMatter['online version'] | Should -Be ''
            @($document.Blocks | ForEach-Object Kind) -join ',' | Should -Be 'Heading,Text,Code'
            $document.Blocks[0].Text | Should -Be 'Title'
            $document.Blocks[0].Line | Should -Be 6
            $document.Blocks[1].Text | Should -Be "first line`nsecond line"
            $document.Blocks[2].Language | Should -Be 'powershell'
            $document.Blocks[2].Text | Should -Be "'code'"
            $document.Blocks[2].Line | Should -Be 10
            @(Get-HelpProblem).Count | Should -Be 0
        }

        It 'records a code block that is never closed' {
            $path = Join-Path $TestDrive 'open.md'
            Set-Content -LiteralPath $path -Value "# Title`n`n``````powershell`n'code'`n" -NoNewline
            $null = Read-MarkdownFile -Path $path
            @(Get-HelpProblem) | Should -Be @('open.md:3: code block is not closed with ```.')
        }

        It 'joins the lines of a paragraph, keeps list items apart and turns inline markup into help text' {
            $paragraphs = ConvertTo-Paragraph "A **bold** and *italic*`nline with a [link](https://example.com).`n`n- item one`n  continued`n1. item two`n`nEscaped \[brackets\] and ``code``."
            $paragraphs | Should -Be @(
                'A bold and italic line with a link (https://example.com).'
                '- item one continued'
                '1. item two'
                'Escaped [brackets] and `code`.'
            )
        }
    }

    Describe 'Cmdlet page reader' {
        It 'reads the prose of every section of a correct page' {
            $result = Read-TestPage $page

            @(Get-HelpProblem).Count | Should -Be 0 -Because (@(Get-HelpProblem) -join "`n")
            $result.Synopsis | Should -Be @('Writes objects to the pipeline.')
            $result.Description | Should -Be @('Sends objects down the pipeline, one at a time.', 'See about_Pipelines (https://example.com/about_Pipelines) for more.')
            $result.Examples[0].Title | Should -Be 'Example 1: Write a number'
            $result.Examples[0].Code | Should -Be @('Write-Output 42    # 42')
            $result.Examples[0].Remarks | Should -Be @('Writes the number.')
            @($result.Parameters.Keys) | Should -Be @('InputObject', 'NoEnumerate')
            $result.Parameters['InputObject'].Yaml[0].Values['Position'] | Should -Be '0'
            $result.Notes | Should -Be @('- First note.', '- Second note continued.')
            $result.Links[0].Text | Should -Be 'about_Pipelines'
        }

        It 'records a missing section, a code block in DESCRIPTION and a leftover placeholder' {
            $broken = $page.Replace("## NOTES`n- First note.`n- Second note`n  continued.`n`n", '').
            Replace("one at a time.`n", "one at a time.`n`n``````powershell`nWrite-Output 1`n```````n").
            Replace('Writes the number.', '{{ explain }}')
            $null = Read-TestPage $broken

            $problems = @(Get-HelpProblem) -join "`n"
            $problems | Should -Match 'missing sections: NOTES'
            $problems | Should -Match 'Write-Output\.md:\d+: DESCRIPTION may hold only text: platyPS 0\.14 rejects a code here\.'
            $problems | Should -Match 'a \{\{ placeholder \}\} is still there'
        }
    }

    Describe 'Metadata of the code' {
        It 'describes the parameters of a cmdlet as platyPS does' {
            $parameters = Get-CodeParameter -Command $writeOutput

            $parameters['InputObject'].Type | Should -Be 'PSObject'
            $parameters['InputObject'].Groups[0].Required | Should -BeTrue
            $parameters['InputObject'].Groups[0].Position | Should -Be '0'
            $parameters['InputObject'].Groups[0].Pipeline | Should -Be 'True (ByValue)'
            $parameters['InputObject'].Groups[0].SetsText | Should -Be '(All)'
            $parameters['NoEnumerate'].IsSwitch | Should -BeTrue
            $parameters['NoEnumerate'].Default | Should -Be 'False'
            $parameters['NoEnumerate'].Groups[0].Position | Should -Be 'Named'
        }

        It 'writes the syntax line of a parameter set as platyPS 0.14 does' {
            Get-SyntaxText -Command $writeOutput -Set $writeOutput.ParameterSets[0] |
                Should -Be 'Write-Output [-InputObject] <PSObject> [-NoEnumerate] [<CommonParameters>]'
        }
    }

    Describe 'Validator' {
        It 'finds nothing wrong with a page that matches the cmdlet' {
            Test-PageAgainstCode -Page (Read-TestPage $page) -Command $writeOutput -CodeParameters (Get-CodeParameter -Command $writeOutput)
            @(Get-HelpProblem).Count | Should -Be 0 -Because (@(Get-HelpProblem) -join "`n")
        }

        It 'names each difference between the page and the cmdlet' {
            $broken = $page.Replace('Position: 0', 'Position: 1').Replace("### -NoEnumerate`nWrites a collection as one object.", "### -Enumerate`nWrites a collection as one object.")
            Test-PageAgainstCode -Page (Read-TestPage $broken) -Command $writeOutput -CodeParameters (Get-CodeParameter -Command $writeOutput)

            $problems = @(Get-HelpProblem) -join "`n"
            $problems | Should -Match "parameter -InputObject: 'Position: 1' differs from the code; it must be 'Position: 0'\."
            $problems | Should -Match 'parameter -NoEnumerate exists in Write-Output but is not documented under PARAMETERS'
            $problems | Should -Match 'parameter -Enumerate is documented but Write-Output has no such parameter\.'
        }

        It 'checks that the module page lists every cmdlet with its synopsis' {
            $path = Join-Path $TestDrive 'Test.md'
            Set-Content -LiteralPath $path -Value "---`nModule Name: Test`n---`n`n# Test Module`n`n### [Write-Output](Write-Output.md)`nAnother text.`n" -NoNewline
            Test-ModulePage -Path $path -Synopses @{ 'Write-Output' = @('Writes objects.'); 'Write-Error' = @('Writes an error.') } -ModuleName 'Test'

            @(Get-HelpProblem) | Should -Be @(
                'Test.md:7: the text under Write-Output must be its SYNOPSIS: Writes objects.'
                "Test.md: does not list Write-Error; add '### [Write-Error](Write-Error.md)' with its synopsis."
            )
        }
    }

    Describe 'Page skeleton' {
        It 'writes a page whose structure matches the cmdlet and whose prose is still to write' {
            $skeleton = Join-Path $TestDrive 'skeleton/Write-Output.md'
            New-Item -ItemType Directory -Path (Split-Path -Parent $skeleton) -Force | Out-Null
            New-PageSkeleton -Command $writeOutput -CodeParameters (Get-CodeParameter -Command $writeOutput) -Destination $skeleton -HelpFileName $helpFileName -ModuleName 'Test'

            $result = Read-CommandPage -Document (Read-MarkdownFile -Path $skeleton) -Name 'Write-Output' -HelpFileName $helpFileName -ModuleName 'Test'
            Test-PageAgainstCode -Page $result -Command $writeOutput -CodeParameters (Get-CodeParameter -Command $writeOutput)

            $problems = @(Get-HelpProblem)
            $problems | Should -Not -BeNullOrEmpty
            $problems | Where-Object { $_ -notmatch 'a \{\{ placeholder \}\} is still there' } | Should -BeNullOrEmpty
        }
    }

    Describe 'MAML writer' {
        BeforeAll {
            $mamlPath = Join-Path $TestDrive 'Test.dll-Help.xml'
            $entry = [pscustomobject]@{ Page = (Read-TestPage $page); Command = $writeOutput; CodeParameters = (Get-CodeParameter -Command $writeOutput) }
            Write-MamlHelpFile -Path $mamlPath -Entries @($entry)
            $xml = [xml](Get-Content -LiteralPath $mamlPath -Raw)
            $names = [Xml.XmlNamespaceManager]::new($xml.NameTable)
            $names.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
            $names.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
            $names.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
            $command = $xml.SelectSingleNode('//command:command', $names)
        }

        It 'writes UTF-8 without a byte order mark and with LF line ends' {
            $bytes = [IO.File]::ReadAllBytes($mamlPath)
            $bytes[0] | Should -Not -Be 0xEF
            [Text.Encoding]::UTF8.GetString($bytes) | Should -Not -Match "`r"
        }

        It 'writes the prose as paragraphs and the example code without its fences' {
            @($command.SelectNodes('maml:description/maml:para', $names) | ForEach-Object InnerText) |
                Should -Be @('Sends objects down the pipeline, one at a time.', 'See about_Pipelines (https://example.com/about_Pipelines) for more.')
            $command.SelectSingleNode('command:examples/command:example/dev:code', $names).InnerText | Should -Be 'Write-Output 42    # 42'
            $command.SelectSingleNode('command:examples/command:example/maml:title', $names).InnerText | Should -Be '------------------ Example 1: Write a number ------------------'
        }

        It 'takes the parameter structure from the code: no value for a switch in the syntax, the position and pipeline input' {
            $syntax = $command.SelectNodes('command:syntax/command:syntaxItem/command:parameter', $names)
            $inputObject = $syntax | Where-Object { $_.SelectSingleNode('maml:name', $names).InnerText -eq 'InputObject' }
            $noEnumerate = $syntax | Where-Object { $_.SelectSingleNode('maml:name', $names).InnerText -eq 'NoEnumerate' }
            $inputObject.GetAttribute('position') | Should -Be '0'
            $inputObject.GetAttribute('required') | Should -Be 'true'
            $inputObject.GetAttribute('pipelineInput') | Should -Be 'True (ByValue)'
            $noEnumerate.SelectSingleNode('command:parameterValue', $names) | Should -BeNullOrEmpty
        }

        It 'puts the online version first among the related links' {
            @($command.SelectNodes('command:relatedLinks/maml:navigationLink/maml:linkText', $names) | ForEach-Object InnerText) |
                Should -Be @('Online Version:', 'about_Pipelines')
        }
    }

    Describe 'about_ writer' {
        It 'renders the platyPS about template as Get-Help text: upper-case section names, text wrapped at 80, code indented' {
            $path = Join-Path $TestDrive 'about_Test.md'
            $long = (@('word') * 30) -join ' '
            Set-Content -LiteralPath $path -Value "# Test`n## about_Test`n`n# SHORT DESCRIPTION`nShort.`n`n# LONG DESCRIPTION`n$long`n`n``````powershell`nGet-Thing`n```````n" -NoNewline
            $destination = Join-Path $TestDrive 'about_Test.help.txt'
            Convert-AboutTopic -Path $path -Destination $destination

            @(Get-HelpProblem).Count | Should -Be 0
            $lines = @(Get-Content -LiteralPath $destination)
            $lines[0..4] | Should -Be @('TOPIC', '    about_test', '', 'SHORT DESCRIPTION', '    Short.')
            $lines | Should -Contain 'LONG DESCRIPTION'
            $lines | Should -Contain '    Get-Thing'
            @($lines | Where-Object { $_.Length -gt 80 }).Count | Should -Be 0
            @($lines | Where-Object { $_ -match '^    word' }).Count | Should -Be 2
        }

        It 'records a topic that does not follow the about template' {
            $path = Join-Path $TestDrive 'about_Wrong.md'
            Set-Content -LiteralPath $path -Value "# Wrong`n`nText.`n" -NoNewline
            Convert-AboutTopic -Path $path -Destination (Join-Path $TestDrive 'about_Wrong.help.txt')
            @(Get-HelpProblem) | Should -Be @("about_Wrong.md: an about topic starts with '# <Topic name>' and then '## about_Wrong', as platyPS's about template does.")
        }
    }
}
