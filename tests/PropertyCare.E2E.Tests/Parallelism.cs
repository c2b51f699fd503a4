// The SQLite and the PostgreSQL app collections used to run side by side: two app servers, two Chromiums and a
// PostgreSQL cluster on a 2-core CI machine. With the move-in and vacant-unit journeys added, a page occasionally took
// longer than the tests' 15 s waits (a repair-list search timed out once in CI). One collection at a time keeps every
// wait far from its limit; the run takes longer, it does not become flaky.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
