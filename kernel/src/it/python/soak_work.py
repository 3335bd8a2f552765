"""The mixed work of a long session, shared by the soak test (test_soak.py) and the session-growth
benchmark (bench/session_growth.py): DJL ops closed one by one, by their manager and by an NDScope; a
Tablesaw table redefined and filtered; a trivial cell."""

TRIVIAL = "1 + 1"

MIXED = [
    # closed one by one
    "try (var a = manager.randomNormal(new Shape(256, 256)); var b = a.matMul(a); var s = b.sum()) { s.getFloat(); }",
    # intermediates left to their manager, which is closed
    "try (var m = NDManager.newBaseManager()) { var x = m.randomUniform(0, 1, new Shape(512, 64));"
    " x.mul(2).add(1).exp().mean().getFloat(); }",
    # intermediates left to an NDScope
    "try (var scope = new NDScope()) { var y = manager.arange(4096f).reshape(64, 64);"
    " y.transpose().matMul(y).max().getFloat(); }",
    'var t = Table.create("t", IntColumn.create("i", new int[] {1, 2, 3, 4}),'
    ' DoubleColumn.create("v", new double[] {0.5, 0.25, 0.125, 0.0625}));\nt.where(t.intColumn("i").isGreaterThan(2)).rowCount()',
    TRIVIAL,
]
