namespace Leaderboard.Domain.Catalogue;

/// <summary>
/// Invalid catalogue content. The message names the file, the line (1-based, the header is line 1) and the
/// field, in Vietnamese first with the English after it, so that an operator can fix the file from the message alone.
/// </summary>
public sealed class CatalogueException : Exception
{
    public CatalogueException(string file, int? line, string field, string reasonVi, string reasonEn)
        : base(Format(file, line, field, reasonVi, reasonEn))
    {
        File = file;
        Line = line;
        Field = field;
        ReasonVi = reasonVi;
        ReasonEn = reasonEn;
    }

    /// <summary>The path of the offending file (or folder).</summary>
    public string File { get; }

    /// <summary>1-based line of the offending value, when known.</summary>
    public int? Line { get; }

    /// <summary>The CSV column or the JSON property path (<c>indicators[1].target</c>) at fault.</summary>
    public string Field { get; }

    /// <summary>What is wrong, in Vietnamese.</summary>
    public string ReasonVi { get; }

    /// <summary>What is wrong, in English.</summary>
    public string ReasonEn { get; }

    private static string Format(string file, int? line, string field, string reasonVi, string reasonEn)
    {
        var lineVi = line is { } l ? $", dòng {l}" : string.Empty;
        var lineEn = line is { } n ? $", line {n}" : string.Empty;
        return $"Lỗi danh mục: tệp {file}{lineVi}, trường \"{field}\": {reasonVi}. "
            + $"(Catalogue error: file {file}{lineEn}, field \"{field}\": {reasonEn}.)";
    }
}
