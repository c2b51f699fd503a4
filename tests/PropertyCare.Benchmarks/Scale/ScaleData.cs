using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Infrastructure.Data;
using Npgsql;
using NpgsqlTypes;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Benchmarks.Scale;

/// <summary>Writes the large data set straight into a database the app's own migrations created: 20 companies,
/// projects of uneven size (the biggest about ten times the smallest, as real portfolios are), 200 units each,
/// repair orders over two years with the status mix of a working desk, and callbacks for every finished order.
/// Bypasses EF on purpose: a million orders through the change tracker would take an hour; the rows keep the
/// invariants the app relies on (project ids, BX-yyyyMMdd-NNNN numbers unique per project, statuses with the dates
/// they imply, one callback per order and round).</summary>
internal sealed class ScaleData(double factor)
{
    public const int Companies = 20;
    public const int UnitsPerProject = 200;
    public int Projects => Math.Max(Companies, (int)Math.Round(1000 * factor));
    public long TargetOrders => (long)Math.Round(1_000_000 * factor);

    public static readonly DateTime Now = new(2026, 11, 1, 2, 0, 0, DateTimeKind.Unspecified);
    private static readonly string[] Categories = ["水电", "门窗", "空调", "电梯", "管道疏通", "墙面", "燃气", "弱电"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

    /// <summary>Orders per project id (1-based), uneven: weight 1 + 9u³ for u uniform in [0,1).</summary>
    public int[] OrdersPerProject()
    {
        var rnd = new Random(7);
        var w = Enumerable.Range(0, Projects).Select(_ => 1 + 9 * Math.Pow(rnd.NextDouble(), 3)).ToArray();
        var sum = w.Sum();
        return w.Select(x => (int)Math.Round(TargetOrders * x / sum)).ToArray();
    }

    public async Task<(long Orders, long Callbacks)> WriteAsync(DbConnection connection)
    {
        var sw = Stopwatch.StartNew();
        var per = OrdersPerProject();
        await using var sink = OpenSink(connection);
        await sink.BeginAsync();

        var companies = sink.Table("Companies", [("Id", NpgsqlDbType.Integer), ("Name", NpgsqlDbType.Text), ("Code", NpgsqlDbType.Text), ("IsActive", NpgsqlDbType.Boolean), ("CreatedAt", NpgsqlDbType.Timestamp)]);
        for (var c = 1; c <= Companies; c++) companies.Row(c, $"规模测试物业公司{c:D2}", $"SC{c:D2}", true, Now.AddYears(-3));
        companies.End();

        var projects = sink.Table("Projects", [("Id", NpgsqlDbType.Integer), ("CompanyId", NpgsqlDbType.Integer), ("Name", NpgsqlDbType.Text), ("Code", NpgsqlDbType.Text),
            ("City", NpgsqlDbType.Text), ("Address", NpgsqlDbType.Text), ("TimeZone", NpgsqlDbType.Text), ("IsActive", NpgsqlDbType.Boolean), ("CreatedAt", NpgsqlDbType.Timestamp)]);
        for (var p = 1; p <= Projects; p++)
            projects.Row(p, 1 + (p - 1) % Companies, $"规模测试小区{p:D4}", $"SP{p:D4}", "上海", $"测试路{p}号", "Asia/Shanghai", true, Now.AddYears(-3));
        projects.End();

        var buildings = sink.Table("Buildings", [("Id", NpgsqlDbType.Integer), ("ProjectId", NpgsqlDbType.Integer), ("Name", NpgsqlDbType.Text), ("Floors", NpgsqlDbType.Integer), ("Version", NpgsqlDbType.Integer)]);
        var units = sink.Table("Units", [("Id", NpgsqlDbType.Integer), ("ProjectId", NpgsqlDbType.Integer), ("BuildingId", NpgsqlDbType.Integer), ("Entrance", NpgsqlDbType.Text),
            ("Floor", NpgsqlDbType.Integer), ("Room", NpgsqlDbType.Text), ("Area", NpgsqlDbType.Numeric), ("Type", NpgsqlDbType.Text), ("State", NpgsqlDbType.Integer), ("Version", NpgsqlDbType.Integer)]);
        // One table at a time: PostgreSQL runs one COPY per connection.
        for (var p = 1; p <= Projects; p++)
            for (var b = 1; b <= 4; b++) buildings.Row((p - 1) * 4 + b, p, $"{b}号楼", 25, 1);
        buildings.End();
        var unitId = 0;
        for (var p = 1; p <= Projects; p++)
            for (var b = 1; b <= 4; b++)
                for (var i = 0; i < UnitsPerProject / 4; i++)
                    units.Row(++unitId, p, (p - 1) * 4 + b, "1单元", i / 2 + 1, $"{i / 2 + 1}{i % 2 + 1:D2}", 89.5m, "三室两厅", i % 10 == 0 ? 1 : 0, 1);
        units.End();

        var orders = sink.Table("RepairOrders", [("Id", NpgsqlDbType.Integer), ("ProjectId", NpgsqlDbType.Integer), ("Number", NpgsqlDbType.Text), ("UnitId", NpgsqlDbType.Integer),
            ("CommonArea", NpgsqlDbType.Text), ("Category", NpgsqlDbType.Text), ("Description", NpgsqlDbType.Text), ("Urgency", NpgsqlDbType.Integer), ("Channel", NpgsqlDbType.Integer),
            ("Kind", NpgsqlDbType.Integer), ("ExpectedFee", NpgsqlDbType.Integer), ("ReceivedAt", NpgsqlDbType.Timestamp), ("DueAt", NpgsqlDbType.Timestamp), ("Status", NpgsqlDbType.Integer),
            ("TechnicianId", NpgsqlDbType.Text), ("TechnicianName", NpgsqlDbType.Text), ("DispatchedAt", NpgsqlDbType.Timestamp), ("ArrivedAt", NpgsqlDbType.Timestamp),
            ("CompletedAt", NpgsqlDbType.Timestamp), ("WorkDone", NpgsqlDbType.Text), ("Round", NpgsqlDbType.Integer), ("ContactName", NpgsqlDbType.Text), ("ContactPhone", NpgsqlDbType.Text),
            ("ReceivedById", NpgsqlDbType.Text), ("ReceivedByName", NpgsqlDbType.Text), ("Version", NpgsqlDbType.Integer)]);
        var callbacks = sink.Table("Callbacks", [("Id", NpgsqlDbType.Integer), ("ProjectId", NpgsqlDbType.Integer), ("RepairOrderId", NpgsqlDbType.Integer), ("Round", NpgsqlDbType.Integer),
            ("DueOn", NpgsqlDbType.Date), ("Status", NpgsqlDbType.Integer), ("Attempts", NpgsqlDbType.Integer), ("LastOutcome", NpgsqlDbType.Integer), ("LastAttemptAt", NpgsqlDbType.Timestamp),
            ("Channel", NpgsqlDbType.Integer), ("CalledById", NpgsqlDbType.Text), ("CalledByName", NpgsqlDbType.Text), ("DoneAt", NpgsqlDbType.Timestamp), ("Satisfaction", NpgsqlDbType.Integer),
            ("Version", NpgsqlDbType.Integer)]);
        // Two passes over the same seeded sequence: PostgreSQL runs one COPY at a time per connection, and a
        // callback's foreign key needs its order written first.
        var orderCount = Orders(per, orders.Row, null);
        orders.End();
        var callbackCount = Orders(per, null, callbacks.Row);
        callbacks.End();
        await sink.CommitAsync();
        Console.WriteLine($"generated {Companies} companies, {Projects} projects, {unitId} units, {orderCount} repair orders, {callbackCount} callbacks in {sw.Elapsed.TotalSeconds:F0} s");
        return (orderCount, callbackCount);
    }


    /// <summary>Walks every project's orders in a fixed random sequence, handing order rows and callback rows to the
    /// writers given; returns how many rows of the given kind were handed over.</summary>
    private static long Orders(int[] per, Action<object?[]>? order, Action<object?[]>? callback)
    {
        var projectCount = per.Length;
        var rnd = new Random(11);
        long orderId = 0, callbackId = 0;
        const double span = 730 * 24; // two years of orders, in hours
        for (var p = 1; p <= projectCount; p++)
        {
            var n = per[p - 1];
            var received = new DateTime[n];
            for (var i = 0; i < n; i++) received[i] = Now.AddHours(-span * rnd.NextDouble()).AddTicks(-Now.Ticks % TimeSpan.TicksPerSecond);
            Array.Sort(received);
            var day = DateOnly.MinValue;
            var seq = 0;
            var firstUnit = (p - 1) * UnitsPerProject + 1;
            for (var i = 0; i < n; i++)
            {
                var at = received[i];
                // Numbers count per project and local (UTC+8) day, as RepairRules.Number does.
                var local = DateOnly.FromDateTime(at.AddHours(8));
                seq = local == day ? seq + 1 : 1;
                day = local;
                var urgent = rnd.Next(10) == 0;
                var due = at.AddHours(urgent ? 4 : 24);
                var ageDays = (Now - at).TotalDays;
                var status = StatusFor(ageDays, rnd);
                var tech = rnd.Next(8) + 1;
                var dispatched = status is RepairStatus.Registered or RepairStatus.Cancelled ? (DateTime?)null : at.AddMinutes(20 + rnd.Next(120));
                var arrived = status is RepairStatus.Arrived or RepairStatus.Completed or RepairStatus.Closed or RepairStatus.Rework ? dispatched?.AddMinutes(30 + rnd.Next(90)) : null;
                var completed = status is RepairStatus.Completed or RepairStatus.Closed or RepairStatus.Rework ? arrived?.AddMinutes(20 + rnd.Next(300)) : null;
                var common = rnd.Next(8) == 0;
                orderId++;
                order?.Invoke([(int)orderId, p, $"BX-{local:yyyyMMdd}-{seq:D4}", common ? null : firstUnit + rnd.Next(UnitsPerProject), common ? "地下车库" : null,
                    Categories[rnd.Next(Categories.Length)], "卫生间水龙头漏水，需上门维修", urgent ? 1 : 0, rnd.Next(3), 0, 0, at, due, (int)status,
                    dispatched == null ? null : $"tech-{p}-{tech}", dispatched == null ? null : $"技工{tech}", dispatched, arrived, completed,
                    completed == null ? null : "更换阀芯", 1, $"{Surnames[rnd.Next(Surnames.Length)]}先生", $"138{rnd.Next(100_000_000):D8}", "desk", "客服", 1]);
                if (completed is not { } done) continue;
                // Round 1 the next day; round 2 is the week-later follow-up that closes the order.
                for (var round = 1; round <= 2; round++)
                {
                    var dueOn = DateOnly.FromDateTime(done.AddHours(8)).AddDays(round == 1 ? 1 : 7);
                    var finished = status == RepairStatus.Closed || (status == RepairStatus.Rework && round == 1);
                    var cbStatus = !finished ? CallbackStatus.Pending : rnd.Next(25) == 0 ? CallbackStatus.Unreachable : CallbackStatus.Done;
                    var called = cbStatus == CallbackStatus.Pending ? (DateTime?)null : dueOn.ToDateTime(new TimeOnly(1 + rnd.Next(9), rnd.Next(60)));
                    var satisfaction = cbStatus != CallbackStatus.Done ? (int?)null : status == RepairStatus.Rework ? 1 : 3 + rnd.Next(3) / 2;
                    callback?.Invoke([(int)++callbackId, p, (int)orderId, round, dueOn, (int)cbStatus, called == null ? 0 : 1,
                        cbStatus == CallbackStatus.Done ? 0 : cbStatus == CallbackStatus.Unreachable ? 2 : null, called,
                        called == null ? null : 0, called == null ? null : $"desk-{p}", called == null ? null : "回访员", cbStatus == CallbackStatus.Done ? called : null,
                        satisfaction, 1]);
                }
            }
        }
        return order != null ? orderId : callbackId;
    }

    /// <summary>Old orders are almost all closed; the last two weeks hold the open work.</summary>
    private static RepairStatus StatusFor(double ageDays, Random rnd)
    {
        var r = rnd.Next(100);
        if (ageDays > 14)
            return r < 92 ? RepairStatus.Closed : r < 97 ? RepairStatus.Cancelled : r < 99 ? RepairStatus.Completed : RepairStatus.Rework;
        return r < 10 ? RepairStatus.Registered : r < 20 ? RepairStatus.Dispatched : r < 28 ? RepairStatus.Accepted : r < 34 ? RepairStatus.Arrived
            : r < 36 ? RepairStatus.Returned : r < 60 ? RepairStatus.Completed : r < 95 ? RepairStatus.Closed : RepairStatus.Cancelled;
    }

    /// <summary>For the HQ figures of "one company owning every project" (1,000 at factor 1): every project into company 1.</summary>
    public static async Task MoveEveryProjectIntoCompany1Async(DbContextOptions<AppDbContext> options)
    {
        await using var db = new AppDbContext(options, null);
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Projects\" SET \"CompanyId\" = 1");
    }

    /// <summary>The bulk writer for the connection's provider (also used by <see cref="DepositData"/>).</summary>
    internal static Sink OpenSink(DbConnection connection) =>
        connection is NpgsqlConnection pg ? new PgSink(pg) : new SqliteSink((SqliteConnection)connection);

    internal abstract class Sink : IAsyncDisposable
    {
        public abstract Task BeginAsync();
        public abstract TableWriter Table(string name, (string Column, NpgsqlDbType Type)[] columns);
        public abstract Task CommitAsync();
        public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    internal abstract class TableWriter
    {
        public abstract void Row(params object?[] values);
        public abstract void End();
    }

    /// <summary>SQLite: one transaction, one prepared INSERT per table; synchronous=OFF only while generating.</summary>
    private sealed class SqliteSink(SqliteConnection c) : Sink
    {
        private SqliteTransaction? _tx;

        public override async Task BeginAsync()
        {
            await using (var pragma = c.CreateCommand()) { pragma.CommandText = "PRAGMA synchronous=OFF;"; await pragma.ExecuteNonQueryAsync(); }
            _tx = c.BeginTransaction();
        }

        public override TableWriter Table(string name, (string Column, NpgsqlDbType Type)[] columns)
        {
            var cmd = c.CreateCommand();
            cmd.Transaction = _tx;
            cmd.CommandText = $"INSERT INTO \"{name}\" ({string.Join(", ", columns.Select(x => $"\"{x.Column}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var ps = columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            cmd.Prepare();
            return new Writer(cmd, ps);
        }

        public override async Task CommitAsync()
        {
            await _tx!.CommitAsync();
            await using var pragma = c.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=NORMAL; ANALYZE;";
            await pragma.ExecuteNonQueryAsync();
        }

        private sealed class Writer(SqliteCommand cmd, SqliteParameter[] ps) : TableWriter
        {
            public override void Row(params object?[] values)
            {
                for (var i = 0; i < ps.Length; i++) ps[i].Value = values[i] ?? DBNull.Value;
                cmd.ExecuteNonQuery();
            }

            public override void End() => cmd.Dispose();
        }
    }

    /// <summary>PostgreSQL: binary COPY per table, then the identity sequences moved past the ids written.</summary>
    private sealed class PgSink(NpgsqlConnection c) : Sink
    {
        private readonly List<string> _tables = [];

        public override Task BeginAsync() => Task.CompletedTask;

        public override TableWriter Table(string name, (string Column, NpgsqlDbType Type)[] columns)
        {
            _tables.Add(name);
            // The COPY starts with the first row: only one can be open on a connection at a time.
            var copy = $"COPY \"{name}\" ({string.Join(", ", columns.Select(x => $"\"{x.Column}\""))}) FROM STDIN (FORMAT BINARY)";
            return new Writer(() => c.BeginBinaryImport(copy), columns.Select(x => x.Type).ToArray());
        }

        public override async Task CommitAsync()
        {
            foreach (var t in _tables)
            {
                await using var cmd = c.CreateCommand();
                cmd.CommandText = $"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{t}\")); ANALYZE \"{t}\";";
                await cmd.ExecuteNonQueryAsync();
            }
        }

        private sealed class Writer(Func<NpgsqlBinaryImporter> begin, NpgsqlDbType[] types) : TableWriter
        {
            private NpgsqlBinaryImporter? _importer;

            public override void Row(params object?[] values)
            {
                var importer = _importer ??= begin();
                importer.StartRow();
                for (var i = 0; i < types.Length; i++)
                    if (values[i] is null) importer.WriteNull();
                    else importer.Write(values[i], types[i]);
            }

            public override void End()
            {
                if (_importer == null) return;
                _importer.Complete();
                _importer.Dispose();
            }
        }
    }
}
