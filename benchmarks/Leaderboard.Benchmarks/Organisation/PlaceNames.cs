namespace Leaderboard.Benchmarks.Organisation;

/// <summary>Vietnamese-looking place names made of two syllables, deterministic for a given random source.</summary>
internal static class PlaceNames
{
    private static readonly string[] First =
    [
        "Tân", "Hòa", "Bình", "An", "Phú", "Đông", "Tây", "Nam", "Bắc", "Thượng", "Hạ", "Vĩnh", "Long", "Quang", "Minh",
        "Hưng", "Thạch", "Đại", "Xuân", "Hồng", "Kim", "Ngọc", "Thanh", "Trung", "Yên", "Lộc", "Mỹ", "Tràng", "Cao", "Hữu",
    ];

    private static readonly string[] Second =
    [
        "Lập", "Thịnh", "Tiến", "Phong", "Sơn", "Lâm", "Hà", "Khê", "Thủy", "Đồng", "Lợi", "Hiệp", "Định", "Thành", "Yên",
        "Trạch", "Quý", "Hải", "Vân", "Lĩnh", "Bảo", "Phúc", "Thái", "Cường", "Liên", "Xá", "Mai", "Lương", "Kỳ", "Nguyên",
    ];

    public static string Next(Random random, HashSet<string> used)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = $"{First[random.Next(First.Length)]} {Second[random.Next(Second.Length)]}";
            if (attempt > 20)
            {
                name = $"{name} {attempt}";
            }

            if (used.Add(name))
            {
                return name;
            }
        }
    }
}
