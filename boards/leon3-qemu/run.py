#!/usr/bin/python3
"""Boot a Stratum image in QEMU's LEON3 and turn the run into a verdict.

The machine is `leon3_generic` with the console on stdio, under
deterministic time (`-icount shift=5,sleep=off`: every instruction is 32 ns
of virtual time, so timer readings repeat exactly from run to run). The
guest ends the run itself: `ta 0` with traps disabled is a clean shutdown
(QEMU exits 0), any other trap with traps disabled is the processor's error
mode (QEMU aborts, non-zero). A run that does neither is killed at the
timeout and fails.

  run.py IMAGE [--transcript FILE] [--expect FILE] [--timeout S] [--quiet]
         [--gdb]   (wait for gdb on :1234 before the first instruction)

The console is copied to stdout as it arrives (unless --quiet) and to the
transcript file. With --expect, the transcript must equal that file.
"""
import argparse
import difflib
import os
import resource
import subprocess
import sys
import time

QEMU = "qemu-system-sparc"
ICOUNT = "shift=5,sleep=off"


def qemu_command(image, gdb=False):
    cmd = [QEMU, "-M", "leon3_generic", "-nographic", "-monitor", "none", "-no-reboot",
           "-icount", ICOUNT, "-kernel", image]
    if gdb:
        cmd += ["-s", "-S"]
    return cmd


def _no_core():
    # QEMU's error mode ends in abort(): no core files in the build tree.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run(image, timeout, quiet, gdb=False):
    cmd = qemu_command(image, gdb)
    out = bytearray()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, preexec_fn=_no_core)
    deadline = None if gdb else time.monotonic() + timeout
    os.set_blocking(proc.stdout.fileno(), False)
    timed_out = False
    while True:
        chunk = proc.stdout.read()
        if chunk:
            out += chunk
            if not quiet:
                sys.stdout.buffer.write(chunk)
                sys.stdout.buffer.flush()
        if proc.poll() is not None:
            rest = proc.stdout.read()
            if rest:
                out += rest
                if not quiet:
                    sys.stdout.buffer.write(rest)
            break
        if deadline is not None and time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            timed_out = True
            break
        time.sleep(0.01)
    text = out.decode("utf-8", "replace").replace("\r\n", "\n")
    return proc.returncode, timed_out, text


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("image")
    ap.add_argument("--transcript")
    ap.add_argument("--expect")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--gdb", action="store_true")
    args = ap.parse_args()

    if args.gdb:
        print(f"run.py: QEMU waits for gdb: target remote :1234  (symbols: {args.image})", flush=True)
    rc, timed_out, text = run(args.image, args.timeout, args.quiet, args.gdb)
    if args.transcript:
        with open(args.transcript, "w") as f:
            f.write(text)

    verdict = 0
    if timed_out:
        print(f"\nrun.py: FAIL: the guest did not end the run within {args.timeout:g}s", file=sys.stderr)
        verdict = 1
    elif rc != 0:
        print(f"\nrun.py: FAIL: QEMU exited with status {rc} (the guest ended in error mode)", file=sys.stderr)
        verdict = 1
    if args.expect:
        with open(args.expect) as f:
            expected = f.read()
        if text != expected:
            diff = difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                        "expected", "transcript")
            sys.stderr.write("\nrun.py: FAIL: transcript differs from " + args.expect + "\n")
            sys.stderr.writelines(diff)
            verdict = 1
    if verdict == 0 and not args.quiet:
        print("run.py: PASS: the guest ended the run cleanly", file=sys.stderr)
    return verdict


if __name__ == "__main__":
    sys.exit(main())
