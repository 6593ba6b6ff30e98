#!/usr/bin/env python3
"""Provision a CPU-run InvokeAI into its own virtual environment, cached by a key of its inputs.

Usage: provision.py --cache-dir DIR [--invokeai-version 6.14.2]
Prints the venv path as the last line of stdout ("VENV=<path>"). Standard library only: it runs on the
machine's python3.11 before any venv exists.
"""
import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONSTRAINTS = HERE / "constraints-invokeai-6.14.2-cpu-py311.txt"
# InvokeAI's own locked torch pair. PyPI's Linux build is a CUDA build; it runs on the CPU.
TORCH_PINS = ["torch==2.7.1", "torchvision==0.22.1"]
UV_VERSION = "0.13.9"
LAYOUT_VERSION = "1"  # bump when the venv layout or the install steps change


def log(msg):
    print(f"[provision] {msg}", file=sys.stderr, flush=True)


def cache_key(invokeai_version, python):
    h = hashlib.sha256()
    for part in (LAYOUT_VERSION, invokeai_version, UV_VERSION, *TORCH_PINS, python_version(python)):
        h.update(part.encode())
        h.update(b"\0")
    h.update(CONSTRAINTS.read_bytes())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:16]


def python_version(python):
    out = subprocess.run([python, "-c", "import sys;print('%d.%d' % sys.version_info[:2])"],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip()


def find_python():
    for name in ("python3.11", "python3.12", "python3"):
        path = shutil.which(name)
        if path and python_version(path) in ("3.11", "3.12"):
            return path
    raise SystemExit("provision: InvokeAI needs Python 3.11 or 3.12 on the PATH (python3.11 preferred)")


def run(cmd, **kw):
    log("$ " + " ".join(str(c) for c in cmd))
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def provision(cache_dir, invokeai_version):
    python = find_python()
    key = cache_key(invokeai_version, python)
    venv = cache_dir / f"invokeai-{invokeai_version}-{key}"
    marker = venv / ".provisioned"
    if marker.exists():
        log(f"reusing cached environment {venv.name}")
        return venv
    started = time.monotonic()
    staging = cache_dir / f".staging-{key}-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Build in a staging folder, then rename: an interrupted provision never looks complete.
    # venv scripts embed their own path, so the venv is created at its final path and only the marker is atomic.
    shutil.rmtree(venv, ignore_errors=True)
    run([python, "-m", "venv", venv])
    vpy = venv / "bin" / "python"
    run([vpy, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"uv=={UV_VERSION}"])
    uv = venv / "bin" / "uv"
    torch_pins = staging / "torch-pins.txt"
    staging.mkdir(parents=True)
    torch_pins.write_text("\n".join(TORCH_PINS) + "\n")
    env = dict(os.environ, UV_LINK_MODE="copy", UV_CACHE_DIR=str(cache_dir / "uv-cache"))
    run([uv, "pip", "install", "--python", vpy, *TORCH_PINS,
         "-c", CONSTRAINTS, "-c", torch_pins, f"invokeai=={invokeai_version}"], env=env)
    smoke = ("import torch, torchvision, numpy, cv2; "
             "import invokeai.app.services.shared.graph; "
             "print('torch', torch.__version__, 'torchvision', torchvision.__version__, 'numpy', numpy.__version__)")
    run([vpy, "-c", smoke], env=dict(env, HF_HUB_OFFLINE="1"))
    # compile bytecode once so that every server start is fast
    run([vpy, "-m", "compileall", "-q", "-j", "0", venv / "lib"], stdout=subprocess.DEVNULL)
    shutil.rmtree(staging, ignore_errors=True)
    marker.write_text(f"invokeai=={invokeai_version}\n")
    log(f"provisioned {venv.name} in {time.monotonic() - started:.0f} s")
    return venv


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache-dir", required=True, type=Path)
    ap.add_argument("--invokeai-version", default="6.14.2")
    args = ap.parse_args()
    venv = provision(args.cache_dir.resolve(), args.invokeai_version)
    print(f"VENV={venv}")


if __name__ == "__main__":
    main()
