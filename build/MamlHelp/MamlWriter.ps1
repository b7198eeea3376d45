# The MAML help file (<assembly>-Help.xml) that Get-Help reads for a binary module.

$OnlineLinkText = 'Online Version:'
$Namespaces = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

function Write-Paragraph {
    <#
    .SYNOPSIS
    One maml:para per paragraph.
    #>
    param([System.Xml.XmlWriter] $Writer, [string[]] $Paragraphs)
    foreach ($paragraph in $Paragraphs) {
        $Writer.WriteElementString('maml', 'para', $Namespaces.maml, $paragraph)
    }
}

function Write-MamlParameter {
    <#
    .SYNOPSIS
    A command:parameter element: structure from the code, description and default value from the page.
    #>
    param([System.Xml.XmlWriter] $Writer, $Code, $Group, $Documented, [switch] $InSyntax)

    $values = $Documented.Yaml[$Group.Index].Values
    $default = if ($values.Contains('Default value') -and $values['Default value']) { $values['Default value'] } else { 'None' }
    if ($Code.IsSwitch -and $default -eq 'None') { $default = 'False' }

    $Writer.WriteStartElement('command', 'parameter', $Namespaces.command)
    $Writer.WriteAttributeString('required', "$($Group.Required)".ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', "$($Code.Globbing)".ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $Group.Pipeline)
    $Writer.WriteAttributeString('position', $Group.Position.ToLowerInvariant())
    $Writer.WriteAttributeString('aliases', $(if ($Code.Aliases) { $Code.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $Namespaces.maml, $Code.Name)
    $Writer.WriteStartElement('maml', 'description', $Namespaces.maml)
    Write-Paragraph $Writer $Documented.Description
    $Writer.WriteEndElement()
    if ($InSyntax -and $Code.AcceptedValues) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $Namespaces.command)
        foreach ($value in $Code.AcceptedValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $Namespaces.command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('command', 'variableLength', $Namespaces.command, 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    if (-not ($InSyntax -and $Code.IsSwitch)) {
        $Writer.WriteStartElement('command', 'parameterValue', $Namespaces.command)
        $Writer.WriteAttributeString('required', "$(-not $Code.IsSwitch)".ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($Code.Type)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $Namespaces.dev)
    $Writer.WriteElementString('maml', 'name', $Namespaces.maml, $Code.Type)
    $Writer.WriteElementString('maml', 'uri', $Namespaces.maml, '')
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $Namespaces.dev, $default)
    $Writer.WriteEndElement()
}

function Get-ExampleTitle {
    <#
    .SYNOPSIS
    Pads an example title with dashes to 64 characters, as platyPS does, so Get-Help shows it as a banner.
    #>
    param([string] $Title)
    if ([string]::IsNullOrWhiteSpace($Title) -or $Title.Length -ge 62) { return $Title }
    $pad = [int][Math]::Floor((64 - $Title.Length - 2) / 2)
    ('-' * $pad) + " $Title " + ('-' * $pad)
}

function Write-MamlCommand {
    <#
    .SYNOPSIS
    The command:command element of one cmdlet.
    #>
    param([System.Xml.XmlWriter] $Writer, $Page, [System.Management.Automation.CmdletInfo] $Command, $CodeParameters)

    $Writer.WriteStartElement('command', 'command', $Namespaces.command)
    foreach ($prefix in 'maml', 'command', 'dev', 'MSHelp') {
        $Writer.WriteAttributeString('xmlns', $prefix, $null, $Namespaces[$prefix])
    }

    $Writer.WriteStartElement('command', 'details', $Namespaces.command)
    $Writer.WriteElementString('command', 'name', $Namespaces.command, $Command.Name)
    $Writer.WriteElementString('command', 'verb', $Namespaces.command, $Command.Verb)
    $Writer.WriteElementString('command', 'noun', $Namespaces.command, $Command.Noun)
    $Writer.WriteStartElement('maml', 'description', $Namespaces.maml)
    Write-Paragraph $Writer $Page.Synopsis
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('maml', 'description', $Namespaces.maml)
    Write-Paragraph $Writer $Page.Description
    $Writer.WriteEndElement()

    $common = [System.Management.Automation.PSCmdlet]::CommonParameters
    $Writer.WriteStartElement('command', 'syntax', $Namespaces.command)
    foreach ($set in $Command.ParameterSets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $Namespaces.command)
        $Writer.WriteElementString('maml', 'name', $Namespaces.maml, $Command.Name)
        foreach ($parameter in $set.Parameters) {
            if ($parameter.Name -in $common) { continue }
            $code = $CodeParameters[$parameter.Name]
            $group = $code.Groups | Where-Object { $_.Sets -contains $set.Name }
            Write-MamlParameter -Writer $Writer -Code $code -Group $group -Documented $Page.Parameters[$parameter.Name] -InSyntax
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $Namespaces.command)
    foreach ($name in $Page.Parameters.Keys) {
        $code = $CodeParameters[$name]
        Write-MamlParameter -Writer $Writer -Code $code -Group $code.Groups[0] -Documented $Page.Parameters[$name]
    }
    $Writer.WriteEndElement()

    foreach ($kind in @(@('inputTypes', 'inputType', $Page.Inputs), @('returnValues', 'returnValue', $Page.Outputs))) {
        $Writer.WriteStartElement('command', $kind[0], $Namespaces.command)
        foreach ($item in $kind[2]) {
            $Writer.WriteStartElement('command', $kind[1], $Namespaces.command)
            $Writer.WriteStartElement('dev', 'type', $Namespaces.dev)
            $Writer.WriteElementString('maml', 'name', $Namespaces.maml, $item.TypeName)
            $Writer.WriteEndElement()
            $Writer.WriteStartElement('maml', 'description', $Namespaces.maml)
            Write-Paragraph $Writer $item.Description
            $Writer.WriteEndElement()
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('maml', 'alertSet', $Namespaces.maml)
    $Writer.WriteStartElement('maml', 'alert', $Namespaces.maml)
    Write-Paragraph $Writer $Page.Notes
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $Namespaces.command)
    foreach ($example in $Page.Examples) {
        $Writer.WriteStartElement('command', 'example', $Namespaces.command)
        $Writer.WriteElementString('maml', 'title', $Namespaces.maml, (Get-ExampleTitle $example.Title))
        $Writer.WriteElementString('dev', 'code', $Namespaces.dev, ($example.Code -join "`n`n"))
        $Writer.WriteStartElement('dev', 'remarks', $Namespaces.dev)
        Write-Paragraph $Writer (@($example.Introduction) + @($example.Remarks))
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # Like platyPS: the front matter's online version comes first (Get-Help -Online opens it); links that are not
    # absolute URIs (relative links between the markdown pages) keep their text and get an empty uri.
    $links = @()
    if ($Page.OnlineVersion) { $links += [pscustomobject]@{ Text = $OnlineLinkText; Uri = $Page.OnlineVersion } }
    $links += $Page.Links
    $Writer.WriteStartElement('command', 'relatedLinks', $Namespaces.command)
    foreach ($link in $links) {
        $uri = $null
        $absolute = [Uri]::TryCreate($link.Uri, [UriKind]::Absolute, [ref]$uri)
        $Writer.WriteStartElement('maml', 'navigationLink', $Namespaces.maml)
        $Writer.WriteElementString('maml', 'linkText', $Namespaces.maml, $link.Text)
        $Writer.WriteElementString('maml', 'uri', $Namespaces.maml, $(if ($absolute) { $link.Uri } else { '' }))
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

function Write-MamlHelpFile {
    <#
    .SYNOPSIS
    Writes the MAML file for the given cmdlets: UTF-8 without BOM, two-space indents, LF line ends.
    .PARAMETER Entries
    One object per cmdlet with Page (Read-CommandPage), Command (CmdletInfo) and CodeParameters (Get-CodeParameter).
    #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [object[]] $Entries)

    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.IndentChars = '  '
    $settings.Encoding = [Text.UTF8Encoding]::new($false)
    $settings.NewLineChars = "`n"
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', $Namespaces.msh)
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($entry in $Entries) {
            Write-MamlCommand -Writer $writer -Page $entry.Page -Command $entry.Command -CodeParameters $entry.CodeParameters
        }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
}
