namespace Leaderboard.Domain.Catalogue;

/// <summary>
/// The organisation and its campaigns, validated and indexed: units with their subtrees, procedures,
/// assignments, campaigns with resolved boards. Immutable once built; every silo holds the same one.
/// </summary>
public sealed class Catalogue
{
    private readonly Dictionary<string, OrgUnit> _units;
    private readonly Dictionary<string, Procedure> _procedures;
    private readonly Dictionary<string, OrgUnit>.AlternateLookup<ReadOnlySpan<char>> _unitsByChars;
    private readonly Dictionary<string, Procedure>.AlternateLookup<ReadOnlySpan<char>> _proceduresByChars;
    private readonly Dictionary<string, Campaign> _campaigns;
    private readonly Dictionary<string, List<string>> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _ancestors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _subtreeOnlineProcedures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _subtreeHasFee = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BoardKey>> _boardsOfUnit = new(StringComparer.Ordinal);

    public Catalogue(
        IEnumerable<OrgUnit> units,
        IEnumerable<Procedure> procedures,
        IEnumerable<(string Unit, string Procedure)> assignments,
        IEnumerable<Campaign> campaigns,
        TimeZoneInfo timeZone)
    {
        _units = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        _procedures = procedures.ToDictionary(p => p.Code, StringComparer.Ordinal);
        _campaigns = campaigns.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _unitsByChars = _units.GetAlternateLookup<ReadOnlySpan<char>>();
        _proceduresByChars = _procedures.GetAlternateLookup<ReadOnlySpan<char>>();
        TimeZone = timeZone;

        foreach (var u in _units.Values)
        {
            _children[u.Code] = [];
        }

        foreach (var u in _units.Values.OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            if (u.Parent is { } p && _children.TryGetValue(p, out var list))
            {
                list.Add(u.Code);
            }
        }

        foreach (var u in _units.Values)
        {
            var chain = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal) { u.Code };
            for (var p = u.Parent; p is not null && _units.TryGetValue(p, out var parent) && seen.Add(p); p = parent.Parent)
            {
                chain.Add(p);
            }

            _ancestors[u.Code] = [.. chain];
        }

        var own = _units.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (unit, procedure) in assignments)
        {
            if (own.TryGetValue(unit, out var l))
            {
                l.Add(procedure);
            }
        }

        foreach (var u in _units.Values)
        {
            _subtreeOnlineProcedures[u.Code] = new HashSet<string>(StringComparer.Ordinal);
            _subtreeHasFee[u.Code] = false;
        }

        foreach (var (unit, procs) in own)
        {
            foreach (var code in _ancestors[unit].Prepend(unit))
            {
                foreach (var pc in procs)
                {
                    if (_procedures.TryGetValue(pc, out var proc))
                    {
                        if (proc.IsOnline)
                        {
                            _subtreeOnlineProcedures[code].Add(pc);
                        }

                        if (proc.HasFee)
                        {
                            _subtreeHasFee[code] = true;
                        }
                    }
                }
            }
        }

        foreach (var c in _campaigns.Values)
        {
            foreach (var b in c.Boards)
            {
                foreach (var m in b.Members)
                {
                    if (!_boardsOfUnit.TryGetValue(m, out var keys))
                    {
                        _boardsOfUnit[m] = keys = [];
                    }

                    keys.Add(new BoardKey(c.Id, b.Id));
                }
            }
        }
    }

    /// <summary>The campaigns' time zone: day boundaries for every count (Asia/Ho_Chi_Minh for Vietnamese campaigns).</summary>
    public TimeZoneInfo TimeZone { get; }

    public IReadOnlyCollection<OrgUnit> Units => _units.Values;

    public IReadOnlyCollection<Procedure> Procedures => _procedures.Values;

    public IReadOnlyCollection<Campaign> Campaigns => _campaigns.Values;

    public OrgUnit? FindUnit(string code) => _units.GetValueOrDefault(code);

    public Procedure? FindProcedure(string code) => _procedures.GetValueOrDefault(code);

    /// <summary>The unit with this code, found without making a string of it (events name units by code).</summary>
    public OrgUnit? FindUnit(ReadOnlySpan<char> code) => _unitsByChars.TryGetValue(code, out var unit) ? unit : null;

    /// <summary>The procedure with this code, found without making a string of it.</summary>
    public Procedure? FindProcedure(ReadOnlySpan<char> code) => _proceduresByChars.TryGetValue(code, out var procedure) ? procedure : null;

    public Campaign? FindCampaign(string id) => _campaigns.GetValueOrDefault(id);

    /// <summary>The unit's parent, grandparent, … up to the root; empty for an unknown unit.</summary>
    public IReadOnlyList<string> AncestorsOf(string code) => _ancestors.TryGetValue(code, out var a) ? a : [];

    public IReadOnlyList<string> ChildrenOf(string code) => _children.TryGetValue(code, out var c) ? c : [];

    /// <summary>True when <paramref name="code"/> is <paramref name="root"/> or lies below it.</summary>
    public bool IsInSubtree(string code, string root) => code == root || AncestorsOf(code).Contains(root);

    /// <summary>Procedures of level full/partial assigned to the unit or any unit below it: the online-service-usage denominator.</summary>
    public IReadOnlySet<string> OnlineProceduresOfSubtree(string code) =>
        _subtreeOnlineProcedures.TryGetValue(code, out var s) ? s : new HashSet<string>();

    /// <summary>True when the unit's subtree is assigned a procedure with a fee (online-payment applies).</summary>
    public bool SubtreeHasFeeProcedure(string code) => _subtreeHasFee.GetValueOrDefault(code);

    /// <summary>The boards on which the unit competes, across all campaigns.</summary>
    public IReadOnlyList<BoardKey> BoardsOf(string code) => _boardsOfUnit.TryGetValue(code, out var b) ? b : [];

    public IEnumerable<BoardKey> AllBoards() =>
        _campaigns.Values.SelectMany(c => c.Boards.Select(b => new BoardKey(c.Id, b.Id)));
}
