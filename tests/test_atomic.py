"""The one safe writer (inputs/atomic.py) and the outturn's lock: nothing the tool writes hurts a file."""

from __future__ import annotations

import fcntl
import os
import stat
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.inputs.atomic import write_atomic
from grdp_scenario.inputs.outturn import locked

from conftest import raises_saying

runner = CliRunner()


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_a_symbolic_link_is_followed_and_its_target_replaced(tmp_path):
    target = tmp_path / "real.md"
    target.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert cli("check", "--format", "markdown", "--output", link).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text().startswith("# ")


def test_a_dangling_link_gets_its_target_created(tmp_path):
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "new.md")
    write_atomic(link, "hello")
    assert link.is_symlink() and (tmp_path / "new.md").read_text() == "hello"


def test_a_character_device_is_written_in_place_never_replaced():
    before = os.stat(os.devnull)
    r = cli("check", "--format", "markdown", "--output", os.devnull)
    assert r.exit_code == 0, r.output
    after = os.stat(os.devnull)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_a_fifo_is_written_in_place(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(
        [sys.executable, "-c", f"print(len(open({str(fifo)!r}, 'rb').read()))"], stdout=subprocess.PIPE
    )
    write_atomic(fifo, b"12345")
    assert reader.communicate(timeout=10)[0].strip() == b"5"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_replaced_file_keeps_its_mode_and_group(tmp_path):
    path = tmp_path / "shared.csv"
    path.write_text("x")
    os.chmod(path, 0o664)
    before = os.stat(path)
    write_atomic(path, "y")
    after = os.stat(path)
    assert stat.S_IMODE(after.st_mode) == 0o664 and after.st_gid == before.st_gid and path.read_text() == "y"


def test_a_new_file_gets_0666_less_the_umask(tmp_path):
    old = os.umask(0o002)
    try:
        write_atomic(tmp_path / "new.csv", "y")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "new.csv").st_mode) == 0o664


def test_a_read_only_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "report.md"
    path.write_text("keep me")
    os.chmod(path, 0o444)
    r = cli("check", "--format", "markdown", "--output", path)
    assert r.exit_code == 2 and "read-only" in r.stderr and "Traceback" not in r.output
    assert path.read_text() == "keep me"


def test_temporary_files_of_a_killed_writer_are_removed_by_the_next(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(gone.stdout)
    stale = tmp_path / f".out.csv.{dead_pid}.abc123.tmp"
    stale.write_bytes(b"half a file")
    mine = tmp_path / f".out.csv.{os.getpid()}.live.tmp"  # a live writer's file is left alone
    mine.write_bytes(b"in progress")
    write_atomic(tmp_path / "out.csv", "whole")
    assert not stale.exists() and mine.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([mine.name, "out.csv"])


def test_a_writer_killed_mid_write_leaves_the_old_file(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("old,content\n")
    code = (
        "import os, signal\n"
        "from grdp_scenario.inputs import atomic\n"
        "real = os.fsync\n"
        "def die(fd):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "atomic.os.fsync = die\n"
        f"atomic.write_atomic({str(path)!r}, 'new' * 100000)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code])
    assert proc.returncode == -9
    assert path.read_text() == "old,content\n"
    write_atomic(path, "next")  # the next writer cleans up after the killed one
    assert [p.name for p in tmp_path.iterdir()] == ["o.csv"] and path.read_text() == "next"


def test_a_held_lock_times_out_naming_its_holder(tmp_path):
    path = tmp_path / "o.csv"
    lock = tmp_path / "o.csv.lock"
    fd = os.open(lock, os.O_CREAT | os.O_RDWR, 0o644)
    os.write(fd, b"4242\n")
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        with raises_saying(r"process 4242.*held the lock"):
            with locked(path, wait=0.2):
                pass
    finally:
        os.close(fd)
    with locked(path, wait=0.2):  # released with its holder
        assert lock.read_text().strip() == str(os.getpid())


def test_the_lock_file_takes_the_outturns_permissions(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("")
    os.chmod(path, 0o664)
    old = os.umask(0o022)
    try:
        with locked(path, wait=0.2):
            pass
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "o.csv.lock").st_mode) == 0o664


def test_record_piped_into_a_closed_reader_writes_and_says_nothing_wrong(tmp_path):
    path = tmp_path / "o.csv"
    cmd = f"{sys.executable} -m grdp_scenario record 9M --grdp 7.39 --outturn {path} | head -c 0"
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True)
    assert "Broken pipe" not in proc.stderr and "Traceback" not in proc.stderr
    assert "9M,grdp,7.39" in path.read_text()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["Q1", "--grdp", "1"], "Q1 cannot be used"),  # the plan's first block is H1
        (["9M", "--grdp", "-60"], "impossible"),  # would imply Q3 at about −180 %
    ],
)
def test_record_validates_the_outturn_as_it_would_be_before_writing(tmp_path, args, said):
    path = tmp_path / "o.csv"
    r = cli("record", *args, "--outturn", path)
    assert r.exit_code == 2 and said in r.stderr and "Traceback" not in r.output
    assert not path.exists()
    assert cli("record", "9M", "--grdp", "7.39", "--outturn", path).exit_code == 0
    before = path.read_text()
    assert cli("record", *args, "--outturn", path).exit_code == 2
    assert path.read_text() == before


def test_dev_stdout_appends_to_the_log_it_points_to_never_replaces_it(tmp_path):
    import subprocess
    import sys

    log = tmp_path / "job.log"
    log.write_text("earlier lines of the job\n", encoding="utf-8")
    with open(log, "a", encoding="utf-8") as out:
        code = subprocess.run(
            [sys.executable, "-m", "grdp_scenario", "check", "--format", "json", "--output", "/dev/stdout"],
            stdout=out,
            stderr=subprocess.DEVNULL,
            timeout=60,
        ).returncode
    text = log.read_text(encoding="utf-8")
    assert code == 0 and text.startswith("earlier lines of the job\n") and '"region": "can-tho"' in text


def test_a_pipe_nobody_reads_is_given_up_not_waited_on_forever(tmp_path, monkeypatch):
    import os

    from typer.testing import CliRunner

    from grdp_scenario.cli.app import app
    from grdp_scenario.inputs import atomic

    monkeypatch.setattr(atomic, "FIFO_WAIT", 0.2)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    r = CliRunner().invoke(app, ["check", "--format", "json", "--output", str(fifo)])
    assert r.exit_code == 2 and "no program read" in r.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="planting another user's link needs root (CI runs as root)")
def test_a_link_planted_by_someone_who_may_not_write_its_target_is_not_followed(tmp_path):
    import pwd

    from typer.testing import CliRunner

    from grdp_scenario.cli.app import app

    victim = tmp_path / "victim.txt"
    victim.write_text("another user's file\n", encoding="utf-8")
    os.chmod(victim, 0o644)  # root's, writable by root alone
    link = tmp_path / "report.json"
    os.symlink(victim, link)
    nobody = pwd.getpwnam("nobody").pw_uid
    os.lchown(link, nobody, -1)  # planted by nobody
    r = CliRunner().invoke(app, ["check", "--format", "json", "--output", str(link)])
    assert r.exit_code == 2 and "is not followed" in r.stderr
    assert victim.read_text(encoding="utf-8") == "another user's file\n"
    os.lchown(link, 0, -1)  # the same link of the target's owner is followed
    assert CliRunner().invoke(app, ["check", "--format", "json", "--output", str(link)]).exit_code == 0
    assert '"region"' in victim.read_text(encoding="utf-8")
