/// `ControlCharacters` lives below EccaXML and ClauseGraph, whose locations print file names with
/// it; every user of EccaFormats keeps seeing it as before.
@_exported import EccaText
