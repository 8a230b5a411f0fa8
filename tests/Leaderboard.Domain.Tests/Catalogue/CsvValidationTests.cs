using System.Text;
using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Domain.Tests.Catalogue;

public sealed class CsvValidationTests
{
    private const string Units = "units.csv";
    private const string Procedures = "procedures.csv";
    private const string Assignments = "assignments.csv";

    [Fact]
    public void Bom_crlf_and_quoted_fields_are_read()
    {
        using var org = new OrgFolder();
        var text = "code,name,parent,kind\r\n"
            + "000.00.00.H37,UBND tỉnh,,ubnd-tinh\r\n"
            + "000.00.12.H37,\"Sở \"\"Nông nghiệp\"\", PTNT\",000.00.00.H37,so\r\n"
            + "\"000.01.12.H37\",\"Văn phòng\r\nSở\",000.00.12.H37,van-phong\r\n";
        File.WriteAllText(org.FileOf(Units), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        org.Write(Assignments, "unit,procedure\n");

        var catalogue = CatalogueLoader.Load(org.Path);

        Assert.Equal(3, catalogue.Units.Count);
        Assert.Equal("Sở \"Nông nghiệp\", PTNT", catalogue.FindUnit("000.00.12.H37")!.Name);
        Assert.Equal("Văn phòng\r\nSở", catalogue.FindUnit("000.01.12.H37")!.Name);
        Assert.Equal(["000.01.12.H37"], catalogue.ChildrenOf("000.00.12.H37"));
    }

    [Fact]
    public void Columns_may_come_in_any_order()
    {
        using var org = new OrgFolder();
        org.Write(Units, "parent,kind,code,name\n,ubnd-tinh,000.00.00.H37,UBND tỉnh\n000.00.00.H37,so,000.00.12.H37,Sở\n");
        org.Write(Assignments, "procedure,unit\n9.000101,000.00.12.H37\n");

        var catalogue = CatalogueLoader.Load(org.Path);

        Assert.Equal("Sở", catalogue.FindUnit("000.00.12.H37")!.Name);
        Assert.Contains("9.000101", catalogue.OnlineProceduresOfSubtree("000.00.00.H37"));
    }

    [Fact]
    public void A_line_after_a_multi_line_field_is_counted()
    {
        using var org = new OrgFolder();
        org.Write(Units, "code,name,parent,kind\n000.00.00.H37,\"UBND\ntỉnh\",,ubnd-tinh\n000.00.00.H37,Trùng,,so\n");

        org.Fails(Units, 4, "code");
    }

    [Fact]
    public void Missing_file() => new OrgFolder().Using(org =>
    {
        File.Delete(org.FileOf(Procedures));
        org.Fails(Procedures, null, "file");
    });

    [Fact]
    public void Missing_folder()
    {
        var path = Path.Combine(Path.GetTempPath(), "lb-missing-" + Guid.NewGuid().ToString("N"));
        var ex = Assert.Throws<CatalogueException>(() => CatalogueLoader.Load(path));
        Assert.Equal(path, ex.File);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_column() => new OrgFolder().Using(org =>
    {
        org.Write(Units, "code,name,parent\n000.00.00.H37,UBND,\n");
        org.Fails(Units, 1, "kind");
    });

    [Fact]
    public void Extra_column() => new OrgFolder().Using(org =>
    {
        org.Write(Procedures, "code,name,level,hasFee,note\n");
        org.Fails(Procedures, 1, "note");
    });

    [Fact]
    public void Column_names_are_exact() => new OrgFolder().Using(org =>
    {
        org.Write(Assignments, "Unit,procedure\n");
        org.Fails(Assignments, 1, "Unit");
    });

    [Fact]
    public void Duplicate_column() => new OrgFolder().Using(org =>
    {
        org.Write(Assignments, "unit,procedure,unit\n");
        org.Fails(Assignments, 1, "unit");
    });

    [Fact]
    public void Empty_file_has_no_header() => new OrgFolder().Using(org =>
    {
        org.Write(Assignments, string.Empty);
        org.Fails(Assignments, 1, "header");
    });

    [Fact]
    public void Row_with_too_few_fields() => new OrgFolder().Using(org =>
    {
        org.Append(Procedures, "9.000999,Thủ tục,full");
        org.Fails(Procedures, 20, "hasFee");
    });

    [Fact]
    public void Row_with_too_many_fields() => new OrgFolder().Using(org =>
    {
        org.Append(Assignments, "000.07.12.H37,9.000101,x");
        org.Fails(Assignments, 23, "cột 3");
    });

    [Fact]
    public void Unterminated_quote() => new OrgFolder().Using(org =>
    {
        org.Append(Units, "000.99.12.H37,\"Phòng mới,000.00.12.H37,phong");
        org.Fails(Units, 14, "csv");
    });

    [Fact]
    public void Quote_inside_an_unquoted_field() => new OrgFolder().Using(org =>
    {
        org.Append(Units, "000.99.12.H37,Phòng \"mới\",000.00.12.H37,phong");
        org.Fails(Units, 14, "csv");
    });

    [Fact]
    public void Invalid_utf8() => new OrgFolder().Using(org =>
    {
        File.WriteAllBytes(org.FileOf(Assignments), [.. "unit,procedure\n000.07.12.H37,9.000101\n"u8, 0xC3, 0x28, (byte)'\n']);
        org.Fails(Assignments, 3, "encoding");
    });

    [Fact]
    public void Duplicate_unit_code() => new OrgFolder().Using(org =>
    {
        org.Append(Units, "000.05.12.H37,Chi cục khác,000.00.12.H37,chi-cuc");
        var ex = org.Fails(Units, 14, "code");
        Assert.Contains("dòng 8", ex.Message, StringComparison.Ordinal);
    });

    [Fact]
    public void Empty_unit_code() => new OrgFolder().Using(org =>
    {
        org.Append(Units, ",Phòng mới,000.00.12.H37,phong");
        org.Fails(Units, 14, "code");
    });

    [Fact]
    public void Unit_code_with_surrounding_space() => new OrgFolder().Using(org =>
    {
        org.Append(Units, "000.99.12.H37 ,Phòng mới,000.00.12.H37,phong");
        org.Fails(Units, 14, "code");
    });

    [Fact]
    public void Empty_unit_name() => new OrgFolder().Using(org =>
    {
        org.Append(Units, "000.99.12.H37, ,000.00.12.H37,phong");
        org.Fails(Units, 14, "name");
    });

    [Fact]
    public void Unknown_parent() => new OrgFolder().Using(org =>
    {
        org.Append(Units, "000.99.12.H37,Phòng mới,000.00.99.H37,phong");
        var ex = org.Fails(Units, 14, "parent");
        Assert.Contains("000.00.99.H37", ex.Message, StringComparison.Ordinal);
    });

    [Fact]
    public void Parent_may_come_later_in_the_file() => new OrgFolder().Using(org =>
    {
        org.Write(Units, "code,name,parent,kind\n000.01.12.H37,Văn phòng,000.00.12.H37,van-phong\n000.00.12.H37,Sở,,so\n");
        org.Write(Assignments, "unit,procedure\n");
        Assert.Equal(["000.00.12.H37"], CatalogueLoader.Load(org.Path).AncestorsOf("000.01.12.H37"));
    });

    [Fact]
    public void Parent_cycle() => new OrgFolder().Using(org =>
    {
        org.Append(Units, "000.97.12.H37,A,000.99.12.H37,phong", "000.98.12.H37,B,000.97.12.H37,phong", "000.99.12.H37,C,000.98.12.H37,phong");
        var ex = org.Fails(Units, 14, "parent");
        Assert.Contains("000.97.12.H37 → 000.99.12.H37 → 000.98.12.H37 → 000.97.12.H37", ex.Message, StringComparison.Ordinal);
    });

    [Fact]
    public void Unit_that_is_its_own_parent() => new OrgFolder().Using(org =>
    {
        org.Append(Units, "000.99.12.H37,A,000.99.12.H37,phong");
        org.Fails(Units, 14, "parent");
    });

    [Fact]
    public void Duplicate_procedure_code() => new OrgFolder().Using(org =>
    {
        org.Append(Procedures, "9.000101,Trùng,full,true");
        org.Fails(Procedures, 20, "code");
    });

    [Fact]
    public void Empty_procedure_name() => new OrgFolder().Using(org =>
    {
        org.Append(Procedures, "9.000999,,full,true");
        org.Fails(Procedures, 20, "name");
    });

    [Theory]
    [InlineData("Full")]
    [InlineData("toan-trinh")]
    [InlineData("")]
    public void Invalid_level(string level) => new OrgFolder().Using(org =>
    {
        org.Append(Procedures, $"9.000999,Thủ tục,{level},true");
        org.Fails(Procedures, 20, "level");
    });

    [Theory]
    [InlineData("True")]
    [InlineData("1")]
    [InlineData("yes")]
    public void Invalid_has_fee(string hasFee) => new OrgFolder().Using(org =>
    {
        org.Append(Procedures, $"9.000999,Thủ tục,none,{hasFee}");
        org.Fails(Procedures, 20, "hasFee");
    });

    [Fact]
    public void Assignment_to_an_unknown_unit() => new OrgFolder().Using(org =>
    {
        org.Append(Assignments, "000.99.12.H37,9.000101");
        org.Fails(Assignments, 23, "unit");
    });

    [Fact]
    public void Assignment_of_an_unknown_procedure() => new OrgFolder().Using(org =>
    {
        org.Append(Assignments, "000.07.12.H37,9.999999");
        org.Fails(Assignments, 23, "procedure");
    });

    [Fact]
    public void Duplicate_assignments_are_ignored() => new OrgFolder().Using(org =>
    {
        org.Append(Assignments, "000.01.12.H37,9.000101", "000.01.12.H37,9.000101");
        var catalogue = CatalogueLoader.Load(org.Path);
        Assert.Equal(["9.000101"], catalogue.OnlineProceduresOfSubtree("000.01.12.H37"));
    });

    [Fact]
    public void Blank_lines_are_skipped() => new OrgFolder().Using(org =>
    {
        org.Write(Assignments, "unit,procedure\n\n000.01.12.H37,9.000101\n\n");
        Assert.Equal(["9.000101"], CatalogueLoader.Load(org.Path).OnlineProceduresOfSubtree("000.01.12.H37"));
    });
}
