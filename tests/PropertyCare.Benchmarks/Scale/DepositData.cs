using System.Data.Common;
using System.Diagnostics;
using NpgsqlTypes;
using PropertyCare.Domain.Renovation;

namespace PropertyCare.Benchmarks.Scale;

/// <summary>Issue 13's leftover: renovation applications with their deposit ledger at the scale data set's size, for HQ's
/// 保证金汇总. Per project 20–60 applications on distinct units (one open application per unit): a few before the permit
/// with no money, withdrawn and rejected ones, works in progress (some stopped), accepted ones inside and past the
/// 90-day observation period (some of them overdue, some with a refund request waiting), and closed ones whose balance
/// was refunded. Every application with a permit has its deposit and its 装修垃圾清运费 collected with receipts; some had
/// a mistyped deposit collection reversed (冲正) and collected again; some had a deduction approved. The ledger is
/// append-only (triggers refuse UPDATE and DELETE), so every row is written once, in its final form.
/// The expected report figures of each project are counted here from what was generated, not by the app's code, so
/// the benchmark can check the app's summary field by field.</summary>
internal sealed class DepositData(ScaleData scale)
{
    /// <summary>The renovation clock: 10:00 in Shanghai on 2026-11-26, so "collected this month" covers most of a month
    /// (the repair data's 2026-11-01 would leave ten hours of it). Nothing else in the data set looks at renovations.</summary>
    public static readonly DateTime NowUtc = new(2026, 11, 26, 2, 0, 0, DateTimeKind.Unspecified);
    public static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly DateTime MonthStartUtc = new(2026, 10, 31, 16, 0, 0), MonthEndUtc = new(2026, 11, 30, 16, 0, 0);
    private const int ObservationDays = 90, OverdueAfterDays = 30;
    private const decimal Area = 89.5m, Fee = 268.50m; // 3 元/㎡ × the generated units' 89.5 ㎡
    private const string FeeName = "装修垃圾清运费";

    /// <summary>What the report must show for one project, counted from the generated applications.</summary>
    public sealed record Expected(decimal Held, int HeldCount, decimal CollectedThisMonth, int RefundsDue, decimal RefundsDueAmount, int OverdueRefunds, decimal OverdueAmount)
    {
        public static readonly Expected None = new(0, 0, 0, 0, 0, 0, 0);
        public Expected Add(Expected o) => new(Held + o.Held, HeldCount + o.HeldCount, CollectedThisMonth + o.CollectedThisMonth, RefundsDue + o.RefundsDue,
            RefundsDueAmount + o.RefundsDueAmount, OverdueRefunds + o.OverdueRefunds, OverdueAmount + o.OverdueAmount);
    }

    public Dictionary<int, Expected> ByProject { get; } = [];
    /// <summary>Applications per project that have ledger entries (the project report's rows).</summary>
    public Dictionary<int, int> WithMoney { get; } = [];

    private readonly List<object?[]> _owners = [], _apps = [], _deductions = [], _refunds = [], _ledger = [];

    public async Task WriteAsync(DbConnection connection)
    {
        var sw = Stopwatch.StartNew();
        Generate();
        await using var sink = ScaleData.OpenSink(connection);
        await sink.BeginAsync();
        // Parents first (PostgreSQL runs one COPY per connection at a time, and foreign keys want their rows there).
        Write(sink, "Owners", [("Id", NpgsqlDbType.Integer), ("ProjectId", NpgsqlDbType.Integer), ("Name", NpgsqlDbType.Text), ("IdType", NpgsqlDbType.Integer),
            ("IdNumber", NpgsqlDbType.Text), ("Phone", NpgsqlDbType.Text), ("PhoneFlaggedWrong", NpgsqlDbType.Boolean), ("ContactPreference", NpgsqlDbType.Integer),
            ("Version", NpgsqlDbType.Integer)], _owners);
        Write(sink, "RenovationApplications", [("Id", NpgsqlDbType.Integer), ("ProjectId", NpgsqlDbType.Integer), ("Number", NpgsqlDbType.Text), ("UnitId", NpgsqlDbType.Integer),
            ("OwnerId", NpgsqlDbType.Integer), ("FiledByOwner", NpgsqlDbType.Boolean), ("FiledBy", NpgsqlDbType.Text), ("FiledAt", NpgsqlDbType.Timestamp),
            ("ContractorCompany", NpgsqlDbType.Text), ("ContractorLicence", NpgsqlDbType.Text), ("ContractorPerson", NpgsqlDbType.Text), ("ContractorPhone", NpgsqlDbType.Text),
            ("Scope", NpgsqlDbType.Text), ("PlannedStart", NpgsqlDbType.Date), ("PlannedEnd", NpgsqlDbType.Date), ("ApprovedEnd", NpgsqlDbType.Date), ("Status", NpgsqlDbType.Integer),
            ("Decision", NpgsqlDbType.Integer), ("ReviewedBy", NpgsqlDbType.Text), ("ReviewedAt", NpgsqlDbType.Timestamp), ("DepositDue", NpgsqlDbType.Numeric),
            ("FeesDue", NpgsqlDbType.Text), ("PermitNumber", NpgsqlDbType.Text), ("PermitIssuedAt", NpgsqlDbType.Timestamp), ("PermitIssuedBy", NpgsqlDbType.Text),
            ("StateBefore", NpgsqlDbType.Integer), ("Extensions", NpgsqlDbType.Text), ("StopReason", NpgsqlDbType.Text), ("StoppedAt", NpgsqlDbType.Timestamp),
            ("AcceptedOn", NpgsqlDbType.Date), ("ObservationEndsOn", NpgsqlDbType.Date), ("ClosedAt", NpgsqlDbType.Timestamp), ("WithdrawReason", NpgsqlDbType.Text),
            ("Version", NpgsqlDbType.Integer)], _apps);
        Write(sink, "DepositDeductions", [("Id", NpgsqlDbType.Integer), ("ProjectId", NpgsqlDbType.Integer), ("ApplicationId", NpgsqlDbType.Integer), ("Reason", NpgsqlDbType.Text),
            ("Amount", NpgsqlDbType.Numeric), ("Status", NpgsqlDbType.Integer), ("ProposedBy", NpgsqlDbType.Text), ("ProposedByName", NpgsqlDbType.Text),
            ("ProposedAt", NpgsqlDbType.Timestamp), ("DecidedBy", NpgsqlDbType.Text), ("DecidedByName", NpgsqlDbType.Text), ("DecidedAt", NpgsqlDbType.Timestamp),
            ("LedgerEntryId", NpgsqlDbType.Bigint), ("Version", NpgsqlDbType.Integer)], _deductions);
        Write(sink, "DepositRefunds", [("Id", NpgsqlDbType.Integer), ("ProjectId", NpgsqlDbType.Integer), ("ApplicationId", NpgsqlDbType.Integer), ("Status", NpgsqlDbType.Integer),
            ("RequestedBy", NpgsqlDbType.Text), ("RequestedByName", NpgsqlDbType.Text), ("RequestedAt", NpgsqlDbType.Timestamp), ("Method", NpgsqlDbType.Integer),
            ("DecidedBy", NpgsqlDbType.Text), ("DecidedByName", NpgsqlDbType.Text), ("DecidedAt", NpgsqlDbType.Timestamp), ("Amount", NpgsqlDbType.Numeric),
            ("LedgerEntryId", NpgsqlDbType.Bigint), ("Version", NpgsqlDbType.Integer)], _refunds);
        Write(sink, "DepositLedger", [("Id", NpgsqlDbType.Bigint), ("ProjectId", NpgsqlDbType.Integer), ("ApplicationId", NpgsqlDbType.Integer), ("Kind", NpgsqlDbType.Integer),
            ("Account", NpgsqlDbType.Integer), ("FeeName", NpgsqlDbType.Text), ("Amount", NpgsqlDbType.Numeric), ("Method", NpgsqlDbType.Integer),
            ("ReceiptNumber", NpgsqlDbType.Text), ("OperatorId", NpgsqlDbType.Text), ("OperatorName", NpgsqlDbType.Text), ("At", NpgsqlDbType.Timestamp),
            ("Reason", NpgsqlDbType.Text), ("CauseType", NpgsqlDbType.Text), ("CauseId", NpgsqlDbType.Integer), ("ReversesEntryId", NpgsqlDbType.Bigint)], _ledger);
        await sink.CommitAsync();
        Console.WriteLine($"generated {_apps.Count} renovation applications ({WithMoney.Values.Sum()} with money), {_ledger.Count} deposit ledger entries, " +
                          $"{_deductions.Count} deductions, {_refunds.Count} refunds in {sw.Elapsed.TotalSeconds:F0} s");
        _owners.Clear(); _apps.Clear(); _deductions.Clear(); _refunds.Clear(); _ledger.Clear();
    }

    private static void Write(ScaleData.Sink sink, string table, (string, NpgsqlDbType)[] columns, List<object?[]> rows)
    {
        var w = sink.Table(table, columns);
        foreach (var r in rows) w.Row(r);
        w.End();
    }

    private enum Fate { UnderReview, Rejected, Withdrawn, Working, Stopped, Accepted, Closed }

    private void Generate()
    {
        var rnd = new Random(13);
        int appId = 0, deductionId = 0, refundId = 0;
        long entryId = 0;
        for (var p = 1; p <= scale.Projects; p++)
        {
            var perSquareMeter = p % 2 == 1;
            var deposit = perSquareMeter ? 30m * Area : 3000m;
            var n = 20 + rnd.Next(41);
            // Distinct units: the first n of a shuffled list of the project's 200.
            var units = Enumerable.Range((p - 1) * ScaleData.UnitsPerProject + 1, ScaleData.UnitsPerProject).OrderBy(_ => rnd.Next()).Take(n).ToArray();
            var fates = new Fate[n];
            var filed = new DateTime[n];
            var permits = new DateTime?[n];
            var worksDays = new int[n];
            for (var i = 0; i < n; i++)
            {
                var r = rnd.Next(100);
                fates[i] = r < 5 ? Fate.UnderReview : r < 7 ? Fate.Rejected : r < 9 ? Fate.Withdrawn : r < 27 ? Fate.Working : r < 30 ? Fate.Stopped : r < 55 ? Fate.Accepted : Fate.Closed;
                worksDays[i] = 30 + rnd.Next(61);
                // Days since the permit: works in progress got it in the last 90 days; accepted ones finished their works
                // 0–150 days ago, closed ones 100–700 days ago. Filing is 5–20 days before the permit (or before today).
                var permitDaysAgo = fates[i] switch
                {
                    Fate.UnderReview or Fate.Rejected or Fate.Withdrawn => (int?)null,
                    Fate.Working or Fate.Stopped => 1 + rnd.Next(90),
                    Fate.Accepted => worksDays[i] + rnd.Next(151),
                    _ => worksDays[i] + 100 + rnd.Next(601),
                };
                permits[i] = permitDaysAgo is { } d ? NowUtc.AddDays(-d).AddMinutes(-rnd.Next(480)) : null;
                filed[i] = (permits[i] ?? NowUtc).AddDays(-5 - rnd.Next(16)).AddMinutes(-rnd.Next(600));
            }
            // Numbers count per project and local day in filing order (ZX-yyyyMMdd-NNNN), as RenovationFiling does.
            var order = Enumerable.Range(0, n).OrderBy(i => filed[i]).ToArray();
            var receipts = new Dictionary<DateOnly, int>();
            string Receipt(DateTime atUtc)
            {
                var day = DateOnly.FromDateTime(atUtc.AddHours(8));
                var k = receipts[day] = receipts.GetValueOrDefault(day) + 1;
                return $"SJ-{day:yyyyMMdd}-{k:D4}";
            }
            var expected = Expected.None;
            // A deposit collected, or a collection reversed, within the month (fees are not deposit).
            void InMonth(DateTime atUtc, decimal amount)
            {
                if (atUtc >= MonthStartUtc && atUtc < MonthEndUtc) expected = expected with { CollectedThisMonth = expected.CollectedThisMonth + amount };
            }
            var withMoney = 0;
            var seqDay = DateOnly.MinValue;
            var seq = 0;
            foreach (var i in order)
            {
                var fate = fates[i];
                var at = filed[i];
                var localDay = DateOnly.FromDateTime(at.AddHours(8));
                seq = localDay == seqDay ? seq + 1 : 1;
                seqDay = localDay;
                var number = $"ZX-{localDay:yyyyMMdd}-{seq:D4}";
                var id = ++appId;
                _owners.Add([id, p, $"业主{id}", 0, $"3101{id:D14}", $"139{id:D8}", false, 0, 1]);

                var reviewed = fate is Fate.UnderReview or Fate.Withdrawn ? (DateTime?)null : at.AddDays(2 + rnd.Next(3));
                var permit = permits[i];
                var start = DateOnly.FromDateTime((permit ?? at).AddHours(8)).AddDays(1);
                var plannedEnd = start.AddDays(60);
                var acceptedOn = fate is Fate.Accepted or Fate.Closed ? DateOnly.FromDateTime(permit!.Value.AddHours(8)).AddDays(worksDays[i]) : (DateOnly?)null;
                var observationEnds = acceptedOn?.AddDays(ObservationDays);
                var status = fate switch
                {
                    Fate.UnderReview => RenovationStatus.UnderReview, Fate.Rejected => RenovationStatus.Rejected, Fate.Withdrawn => RenovationStatus.Withdrawn,
                    Fate.Working => RenovationStatus.Working, Fate.Stopped => RenovationStatus.Stopped, Fate.Accepted => RenovationStatus.Accepted, _ => RenovationStatus.Closed,
                };

                // The money, in the order it happened.
                decimal balance = 0;
                DateTime? closedAt = null;
                if (permit is { } permitAt)
                {
                    withMoney++;
                    var paidAt = permitAt.AddHours(-1 - rnd.Next(48));
                    var method = rnd.Next(4);
                    if (rnd.Next(25) == 0)
                    {
                        // A deposit collection typed as 300 instead of the full amount, reversed the same hour and collected again.
                        var wrong = ++entryId;
                        _ledger.Add([wrong, p, id, (int)LedgerEntryKind.Collected, (int)LedgerAccount.Deposit, null, 300m, method, Receipt(paidAt), "desk", "客服", paidAt, null, null, null, null]);
                        InMonth(paidAt, 300m);
                        InMonth(paidAt.AddMinutes(20), -300m);
                        _ledger.Add([++entryId, p, id, (int)LedgerEntryKind.Reversal, (int)LedgerAccount.Deposit, null, -300m, method, null, "mgr", "经理", paidAt.AddMinutes(20),
                            "金额录入错误", null, null, wrong]);
                        paidAt = paidAt.AddMinutes(30);
                    }
                    _ledger.Add([++entryId, p, id, (int)LedgerEntryKind.Collected, (int)LedgerAccount.Deposit, null, deposit, method, Receipt(paidAt), "desk", "客服", paidAt, null, null, null, null]);
                    InMonth(paidAt, deposit);
                    _ledger.Add([++entryId, p, id, (int)LedgerEntryKind.Collected, (int)LedgerAccount.Fee, FeeName, Fee, method, Receipt(paidAt.AddMinutes(1)), "desk", "客服",
                        paidAt.AddMinutes(1), null, null, null, null]);
                    balance = deposit;

                    // An approved deduction (violation or damage) on 1 in 8 of the works that got far enough; a proposed one waiting on a few in progress.
                    var worksEnd = acceptedOn?.ToDateTime(new TimeOnly(2, 0)) ?? NowUtc;
                    if (rnd.Next(8) == 0 && worksEnd > permitAt.AddDays(2))
                    {
                        var amount = 100m * (2 + rnd.Next(9));
                        var proposed = permitAt.AddHours((worksEnd - permitAt).TotalHours * rnd.NextDouble() * 0.8);
                        var decided = proposed.AddHours(2 + rnd.Next(40));
                        if (decided > NowUtc) decided = NowUtc.AddMinutes(-5);
                        var did = ++deductionId;
                        _deductions.Add([did, p, id, "擅自改动卫生间防水层，修复楼下渗漏", amount, (int)DeductionStatus.Approved, "desk", "客服", proposed, "mgr", "经理", decided, entryId + 1, 1]);
                        _ledger.Add([++entryId, p, id, (int)LedgerEntryKind.Deducted, (int)LedgerAccount.Deposit, null, -amount, null, null, "mgr", "经理", decided,
                            "擅自改动卫生间防水层，修复楼下渗漏", nameof(DepositDeduction), did, null]);
                        balance -= amount;
                    }
                    else if (fate == Fate.Working && rnd.Next(20) == 0)
                        _deductions.Add([++deductionId, p, id, "损坏电梯轿厢内壁", 500m, (int)DeductionStatus.Proposed, "desk", "客服", NowUtc.AddHours(-3), null, null, null, null, 1]);

                    if (fate == Fate.Closed)
                    {
                        // Refunded when the observation period ended (or a few weeks later), by two people; then closed.
                        var requested = observationEnds!.Value.ToDateTime(new TimeOnly(1, 0)).AddDays(rnd.Next(20));
                        if (requested > NowUtc.AddDays(-1)) requested = NowUtc.AddDays(-1);
                        var refunded = requested.AddHours(3);
                        var rid = ++refundId;
                        _refunds.Add([rid, p, id, (int)RefundStatus.Approved, "desk", "客服", requested, 1, "mgr", "经理", refunded, balance, entryId + 1, 2]);
                        _ledger.Add([++entryId, p, id, (int)LedgerEntryKind.Refunded, (int)LedgerAccount.Deposit, null, -balance, 1, Receipt(refunded), "mgr", "经理",
                            refunded, "保证金清退", nameof(DepositRefund), rid, null]);
                        balance = 0;
                        closedAt = refunded;
                    }
                    else if (fate == Fate.Accepted && Today >= observationEnds && rnd.Next(3) == 0)
                        _refunds.Add([++refundId, p, id, (int)RefundStatus.Requested, "desk", "客服", NowUtc.AddDays(-rnd.Next(5) - 1), 1, null, null, null, null, null, 1]);
                }
                if (fate is Fate.Rejected or Fate.Withdrawn) closedAt = (reviewed ?? at).AddHours(1);

                if (balance > 0) expected = expected with { Held = expected.Held + balance, HeldCount = expected.HeldCount + 1 };
                if (fate == Fate.Accepted && balance > 0 && Today >= observationEnds)
                {
                    expected = expected with { RefundsDue = expected.RefundsDue + 1, RefundsDueAmount = expected.RefundsDueAmount + balance };
                    if (Today.DayNumber - observationEnds!.Value.DayNumber > OverdueAfterDays)
                        expected = expected with { OverdueRefunds = expected.OverdueRefunds + 1, OverdueAmount = expected.OverdueAmount + balance };
                }

                var works = fate is Fate.Working or Fate.Stopped or Fate.Accepted or Fate.Closed;
                _apps.Add([id, p, number, units[i], id, rnd.Next(2) == 0, "desk", at, $"规模测试装饰工程有限公司{rnd.Next(50):D2}", $"91310000MA{id:D8}", "施工负责人", $"137{id:D8}",
                    "[{\"Name\":\"墙面涂刷/贴砖\",\"NeedsReview\":false},{\"Name\":\"水电改造\",\"NeedsReview\":true}]", start, plannedEnd, plannedEnd, (int)status,
                    reviewed == null ? null : fate == Fate.Rejected ? (int)ReviewDecision.Rejected : (int)ReviewDecision.Approved, reviewed == null ? null : "mgr", reviewed,
                    fate is Fate.UnderReview or Fate.Withdrawn or Fate.Rejected ? 0m : deposit,
                    fate is Fate.UnderReview or Fate.Withdrawn or Fate.Rejected ? "[]" : FormattableString.Invariant($"[{{\"Name\":\"{FeeName}\",\"Amount\":{Fee},\"PerSquareMeter\":false}}]"),
                    permit == null ? null : "XK" + number[2..], permit, permit == null ? null : "desk", works ? 0 : null, "[]",
                    fate == Fate.Stopped ? "未按规定时间施工，责令停工整改" : null, fate == Fate.Stopped ? NowUtc.AddDays(-1 - rnd.Next(3)) : null,
                    acceptedOn, observationEnds, closedAt, fate == Fate.Withdrawn ? "业主暂缓装修" : null, 1]);
            }
            ByProject[p] = expected;
            WithMoney[p] = withMoney;
        }
    }
}
