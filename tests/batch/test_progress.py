import io

from workbench.batch.progress import Progress, count_files
from workbench.commands.common import iter_cable_paths


def test_progress_line_shows_count_rate_and_time_left():
    stream = io.StringIO()
    p = Progress(200, stream, every=0.0, delay=0.0)
    p.start -= 10.0  # ten seconds ago
    p.last = p.start
    p.update(100)
    line = stream.getvalue().split("\r\x1b[K")[-1]
    assert "100/200" in line and "50%" in line and "cables/s" in line
    assert "0:10 left" in line or "0:09 left" in line
    p.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_progress_without_total():
    stream = io.StringIO()
    p = Progress(None, stream, every=0.0, delay=0.0)
    p.update(3)
    assert "3 cables" in stream.getvalue()


def test_count_files_agrees_with_the_walk(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in ("a/1.txt", "a/b/2.txt", "3.txt", ".dot.txt", ".hidden/4.txt"):
        (tmp_path / name).write_text("x")
    paths = [str(tmp_path), str(tmp_path / "missing.txt")]
    assert count_files(paths) == len(list(iter_cable_paths(paths))) == 4


def test_no_draw_during_start_up():
    stream = io.StringIO()
    p = Progress(10, stream)
    p.update()
    assert stream.getvalue() == ""
    p.close()
    assert stream.getvalue() == ""
