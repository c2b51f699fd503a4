using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Infrastructure.Owners.Import;

internal sealed record PlannedUnit((string Building, string Entrance, string Room) Key, int Floor, decimal Area, string Type, UnitState State);
internal sealed record PlannedLink((string Building, string Entrance, string Room) UnitKey, string OwnerKey, bool IsPrimary);

/// <summary>Decides, row by row, what an import does and what is wrong with it. Pure: given the rows and
/// a snapshot of the project it gives the same answer, so preview and commit judge a file alike.</summary>
internal sealed class ImportPlan
{
    public List<ImportRowResult> Rows { get; } = [];
    /// <summary>Name → floors: the highest floor the file puts in it.</summary>
    public Dictionary<string, int> NewBuildings { get; } = new(StringComparer.Ordinal);
    public List<PlannedUnit> NewUnits { get; } = [];
    public Dictionary<string, OwnerDetails> NewOwners { get; } = new(StringComparer.Ordinal);
    public List<PlannedLink> Links { get; } = [];
    public ImportTotals Totals { get; private set; } = null!;

    public static ImportPlan Make(IEnumerable<ImportRow> rows, ImportColumnMap map, ImportSnapshot db)
    {
        var plan = new ImportPlan();
        var parsed = rows.Select(r => ParsedRow.Parse(r, map)).ToList();

        // A building the file creates must be tall enough for every floor the file puts in it.
        foreach (var g in parsed.Where(p => p.Building.Length > 0 && !db.Buildings.ContainsKey(p.Building)).GroupBy(p => p.Building))
            plan.NewBuildings[g.Key] = Math.Max(1, g.Max(p => p.Floor ?? 1));

        var firstOfUnit = new Dictionary<(string, string, string), ParsedRow>();
        var firstOfLink = new Dictionary<((string, string, string), string), ParsedRow>();
        var firstOfOwner = new Dictionary<string, ParsedRow>(StringComparer.Ordinal);
        var linkRows = new List<ParsedRow>();
        var existingUnitOf = new Dictionary<ParsedRow, Unit>();
        var existingUnitIds = new HashSet<int>();
        var existingOwnerIds = new HashSet<int>();

        foreach (var p in parsed)
        {
            var result = new ImportRowResult
            {
                Row = p.Row,
                UnitAddress = new Unit { Entrance = p.Entrance, Room = p.Room }.Address(p.Building),
                OwnerName = p.OwnerName,
            };
            result.Errors.AddRange(p.Errors);
            plan.Rows.Add(result);

            // The building: an existing one, or one this import creates.
            db.Buildings.TryGetValue(p.Building, out var building);
            if (building == null)
            {
                // Checked with this row's own floor, so a too-tall building is reported on the rows that make it so.
                AddRuleErrors(result, p, UnitRules.ValidateBuilding(p.Building, Math.Max(1, p.Floor ?? 1)),
                    f => f == "Floors" ? ImportColumn.Floor : ImportColumn.Building);
                if (p.Building.Length > 0)
                {
                    building = new Building { Name = p.Building, Floors = plan.NewBuildings[p.Building] };
                    result.NewBuilding = true;
                }
            }

            // The unit, by the same rules as the unit form. Floor/area the cell could not give are
            // placeholders here; their cells already carry an error.
            var unitErrors = UnitRules.Validate(
                new UnitDetails(building?.Id ?? 0, p.Entrance, p.Floor ?? 1, p.Room, p.Area ?? 1, p.Type, p.State ?? UnitState.Occupied), building);
            if (building == null) unitErrors.RemoveAll(e => e.Field == nameof(UnitDetails.BuildingId)); // said above: building name missing
            AddRuleErrors(result, p, unitErrors, UnitColumn);

            // The owner, by the same rules as the owner form for a new owner.
            if (p.HasOwner)
                AddRuleErrors(result, p, OwnerRules.Validate(Details(p), isNew: true), OwnerColumn);

            // Consistency inside the file.
            var hasUnitKey = p.Building.Length > 0 && p.Room.Length > 0;
            if (hasUnitKey)
            {
                if (firstOfUnit.TryGetValue(p.UnitKey, out var first))
                {
                    if (p.Floor != null && first.Floor != null && p.Floor != first.Floor)
                        result.Errors.Add(ParsedRow.Prefix(ImportColumn.Floor, new($"与第 {first.Row.RowNumber} 行的同一房屋楼层不一致", $"Differs from row {first.Row.RowNumber} for the same unit")));
                    if (p.Area != null && first.Area != null && p.Area != first.Area)
                        result.Errors.Add(ParsedRow.Prefix(ImportColumn.Area, new($"与第 {first.Row.RowNumber} 行的同一房屋面积不一致", $"Differs from row {first.Row.RowNumber} for the same unit")));
                }
                else firstOfUnit[p.UnitKey] = p;

                var linkKey = (p.UnitKey, p.HasOwner ? p.OwnerKey : "");
                if (firstOfLink.TryGetValue(linkKey, out var dup))
                    result.Errors.Add(p.HasOwner
                        ? ParsedRow.Prefix(ImportColumn.IdNumber, new($"与第 {dup.Row.RowNumber} 行重复（同一房屋、同一证件号码）", $"Duplicates row {dup.Row.RowNumber} (same unit, same ID number)"))
                        : ParsedRow.Prefix(ImportColumn.Room, new($"与第 {dup.Row.RowNumber} 行重复（同一房屋）", $"Duplicates row {dup.Row.RowNumber} (same unit)")));
                else
                {
                    firstOfLink[linkKey] = p;
                    if (p.HasOwner) linkRows.Add(p);
                }
            }
            if (p.HasOwner && p.OwnerKey.Length > 0)
            {
                if (!firstOfOwner.TryGetValue(p.OwnerKey, out var sameId)) firstOfOwner[p.OwnerKey] = p;
                else if (sameId.OwnerName != p.OwnerName)
                    result.Errors.Add(ParsedRow.Prefix(ImportColumn.IdNumber, new(
                        $"与第 {sameId.Row.RowNumber} 行证件号码相同，但业主姓名不同（“{sameId.OwnerName}”）",
                        $"Same ID number as row {sameId.Row.RowNumber}, but a different owner name (\"{sameId.OwnerName}\")")));
            }

            // Against what the project already holds.
            Unit? unit = null;
            if (building is { Id: > 0 } && db.Units.TryGetValue((building.Id, p.Entrance, p.Room), out unit))
            {
                existingUnitIds.Add(unit.Id);
                existingUnitOf[p] = unit;
                // Import adds; it never edits an existing unit, so say when the file disagrees with it.
                if ((p.Floor != null && p.Floor != unit.Floor) || (p.Area != null && p.Area != unit.Area))
                    result.Warnings.Add(new($"房屋已存在（楼层 {unit.Floor}，面积 {unit.Area:0.##} ㎡），导入不会修改房屋资料",
                        $"The unit exists (floor {unit.Floor}, {unit.Area:0.##} m²); the import does not change it"));
            }
            result.UnitAction = unit != null ? ImportUnitAction.ExistingUnit : ImportUnitAction.NewUnit;

            Owner? owner = null;
            if (p.HasOwner && p.OwnerKey.Length > 0 && db.OwnersByIdNumber.TryGetValue(p.OwnerKey, out owner))
            {
                existingOwnerIds.Add(owner.Id);
                if (owner.Name != p.OwnerName)
                    result.Errors.Add(ParsedRow.Prefix(ImportColumn.IdNumber, new(
                        $"该证件号码已登记为业主“{owner.Name}”，与本行姓名不一致",
                        $"This ID number belongs to the existing owner \"{owner.Name}\", not to the name in this row")));
                else if (p.Phone.Length > 0 && p.Phone != owner.Phone)
                    result.Warnings.Add(new("业主已存在，导入不会修改其手机号码等资料", "The owner exists; the import does not change their phone number or other details"));
            }
            result.OwnerAction = !p.HasOwner ? ImportOwnerAction.NoOwner
                : owner != null ? ImportOwnerAction.ExistingOwner : ImportOwnerAction.NewOwner;

            if (unit != null && owner != null && db.Links.Contains((unit.Id, owner.Id)))
            {
                result.AlreadyLinked = true;
                result.Warnings.Add(new("该业主已关联此房屋，无需导入", "This owner is already linked to this unit; nothing to do"));
            }
        }

        plan.PlanWrites(parsed, linkRows, existingUnitOf, db);
        plan.Totals = new ImportTotals(
            Rows: plan.Rows.Count,
            RowsWithErrors: plan.Rows.Count(r => r.HasErrors),
            RowsWithWarnings: plan.Rows.Count(r => r.Warnings.Count > 0),
            NewBuildings: plan.NewBuildings.Count,
            NewUnits: plan.NewUnits.Count,
            ExistingUnits: existingUnitIds.Count,
            NewOwners: plan.NewOwners.Count,
            ExistingOwners: existingOwnerIds.Count,
            NewLinks: plan.Links.Count);
        return plan;
    }

    private void PlanWrites(List<ParsedRow> parsed, List<ParsedRow> linkRows, Dictionary<ParsedRow, Unit> existingUnitOf, ImportSnapshot db)
    {
        var result = parsed.Select((p, i) => (p, Rows[i])).ToDictionary(x => x.p, x => x.Item2);
        foreach (var p in parsed)
            if (result[p].OwnerAction == ImportOwnerAction.NewOwner && p.OwnerKey.Length > 0)
                NewOwners.TryAdd(p.OwnerKey, Details(p));

        foreach (var group in parsed.Where(p => result[p].UnitAction == ImportUnitAction.NewUnit && p.Building.Length > 0 && p.Room.Length > 0)
                     .GroupBy(p => p.UnitKey))
        {
            var first = group.First();
            // No state given: a unit someone owns is lived in; a unit without an owner is not handed over yet.
            var state = group.Select(p => p.State).FirstOrDefault(s => s != null)
                ?? (group.Any(p => p.HasOwner) ? UnitState.Occupied : UnitState.NotDelivered);
            NewUnits.Add(new PlannedUnit(group.Key, first.Floor ?? 1, Math.Round(first.Area ?? 0, 2), first.Type, state));
        }

        // The first owner the file gives a unit becomes its primary contact, unless it already has one.
        var primaryGiven = new HashSet<(string, string, string)>();
        foreach (var p in linkRows)
        {
            if (result[p].AlreadyLinked) continue;
            var unitHasPrimary = existingUnitOf.TryGetValue(p, out var unit) && db.UnitsWithPrimary.Contains(unit.Id);
            var primary = !unitHasPrimary && primaryGiven.Add(p.UnitKey);
            Links.Add(new PlannedLink(p.UnitKey, p.OwnerKey, primary));
        }
    }

    private static OwnerDetails Details(ParsedRow p) => new(
        p.OwnerName, p.IdType, p.IdNumber, p.Phone, p.Phone2.Length == 0 ? null : p.Phone2,
        Email: null, ContactPreference.Phone, p.MoveInDate, Notes: null);

    /// <summary>Adds the domain's messages under the column they are about, except for cells that could not
    /// be read at all (they already say so).</summary>
    private static void AddRuleErrors(ImportRowResult result, ParsedRow p, List<FieldError> errors, Func<string, ImportColumn?> column)
    {
        foreach (var e in errors)
        {
            if (column(e.Field) is not { } c) { result.Errors.Add(e.Message); continue; }
            if (p.Unreadable.Contains(c)) continue;
            result.Errors.Add(ParsedRow.Prefix(c, e.Message));
        }
    }

    private static ImportColumn? UnitColumn(string field) => field switch
    {
        nameof(UnitDetails.BuildingId) => ImportColumn.Building,
        nameof(UnitDetails.Entrance) => ImportColumn.Entrance,
        nameof(UnitDetails.Floor) => ImportColumn.Floor,
        nameof(UnitDetails.Room) => ImportColumn.Room,
        nameof(UnitDetails.Area) => ImportColumn.Area,
        nameof(UnitDetails.Type) => ImportColumn.Type,
        nameof(UnitDetails.State) => ImportColumn.State,
        _ => null,
    };

    private static ImportColumn? OwnerColumn(string field) => field switch
    {
        nameof(OwnerDetails.Name) => ImportColumn.OwnerName,
        nameof(OwnerDetails.IdType) => ImportColumn.IdType,
        nameof(OwnerDetails.IdNumber) => ImportColumn.IdNumber,
        nameof(OwnerDetails.Phone) => ImportColumn.Phone,
        nameof(OwnerDetails.Phone2) => ImportColumn.Phone2,
        nameof(OwnerDetails.MoveInDate) => ImportColumn.MoveInDate,
        _ => null,
    };
}
