"""Nothing received is lost when a run dies while staging: a killed transaction leaves nothing,
and a file of several parts killed between two parts is received again, whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desa_terbuka.stage import receive as receive_module
from desa_terbuka.stage.receive import receive_parts, split_received
from desa_terbuka.stage.warehouse import Warehouse
from desa_terbuka.validate.check import check_parts

BOOK = Path(__file__).parents[1] / "data" / "variety" / "APBDes 2024 Desa Kabuau.xlsx"


class Killed(BaseException):
    """Stands for SIGKILL between two parts (nothing after it runs)."""


def test_a_file_killed_between_its_parts_is_received_again_whole(tmp_path, monkeypatch):
    parts = check_parts(BOOK)
    assert len(parts) == 2
    real = receive_module.receive
    calls = []

    def dies_on_second_part(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise Killed()
        return real(*args, **kwargs)

    with Warehouse(tmp_path / "w.duckdb") as warehouse:
        monkeypatch.setattr(receive_module, "receive", dies_on_second_part)
        with pytest.raises(Killed):
            receive_parts(warehouse, parts, lambda checked: {})
        monkeypatch.setattr(receive_module, "receive", real)
        fresh, known = split_received(warehouse, [parts[0].submission])
        assert fresh == [parts[0].submission] and known == []  # not taken as received
        receive_parts(warehouse, check_parts(BOOK), lambda checked: {})
        assert {s.record_type for s in warehouse.current_slices()} == {"apbdes", "kegiatan"}
        fresh, known = split_received(warehouse, [parts[0].submission])
        assert fresh == [] and sorted(o.record_type for o in known) == ["apbdes", "kegiatan"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_inside_a_staging_transaction_leaves_no_trace(tmp_path):
    """A real SIGKILL while a submission's transaction is open: after it, the warehouse opens
    and holds no part of that submission; the file is still in the inbox and is staged next."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    book = inbox / BOOK.name
    book.write_bytes(BOOK.read_bytes())
    db = tmp_path / "w.duckdb"
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from desa_terbuka.stage.warehouse import Warehouse
        from desa_terbuka.validate.check import check_parts
        w = Warehouse(Path({str(db)!r}))
        real = w._accept
        def accept_then_die(*args, **kwargs):
            slices = real(*args, **kwargs)  # rows inserted, transaction still open
            os.kill(os.getpid(), signal.SIGKILL)
        w._accept = accept_then_die
        w.stage(check_parts(Path({str(book)!r}))[0], parts=2)
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120, env={**os.environ})
    assert run.returncode == -signal.SIGKILL, run.stderr
    with Warehouse(db) as warehouse:
        assert warehouse.con.execute("SELECT count(*) FROM submissions").fetchone() == (0,)
        assert warehouse.con.execute("SELECT count(*) FROM records_apbdes").fetchone() == (0,)
        assert warehouse.current_slices() == []
        from desa_terbuka.collect.inbox import discover
        [submission] = discover(inbox)
        fresh, _ = split_received(warehouse, [submission])
        assert fresh == [submission]
        receive_parts(warehouse, check_parts(book), lambda checked: {})
        assert {s.record_type for s in warehouse.current_slices()} == {"apbdes", "kegiatan"}
