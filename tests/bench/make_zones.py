#!/usr/bin/python3
"""Generates N synthetic zone files from the real ones in inputs/, deterministically.

Each synthetic zone copies a real zone (round robin) and varies it with a seeded generator:
numbers scaled (same decimals, so precision rules still apply), texts lengthened or shortened
by repeating or cutting sentences, and the chart hints rotated through bar, hbar, line, rank
(for rank series only) and donut (for percent shares only). Standard library only.
Usage: make_zones.py N OUT_DIR [SEED]
"""
import os
import random
import re
import sys

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")


def vary_number(match, rng):
    text = match.group(2)
    if "." in text:
        decimals = len(text.split(".")[1])
        value = float(text) * rng.uniform(0.5, 1.8)
        new = f"{value:.{decimals}f}"
    else:
        value = int(text)
        new = str(max(1, int(value * rng.uniform(0.5, 1.8))))
    return match.group(1) + new


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261124)
    os.makedirs(out, exist_ok=True)
    src_dir = os.path.join(ROOT, "inputs")
    sources = sorted(f for f in os.listdir(src_dir) if f.endswith(".yaml"))
    texts = [open(os.path.join(src_dir, f), encoding="utf-8").read() for f in sources]
    for i in range(n):
        base = sources[i % len(sources)][:-5]
        zone_id = f"synth-{i:05d}"
        t = texts[i % len(texts)].replace(f"id: {base}\n", f"id: {zone_id}\n", 1)
        # Numbers: values and y's, but never ranks (whole numbers from 1 stay whole: int path).
        t = re.sub(r"(\bvalue: |\by: )(\d+(?:\.\d+)?)(?=[,}\s])", lambda m: vary_number(m, rng), t)
        # Text length: highlights' Chinese text repeated or cut.
        def vary_text(m):
            s = m.group(2)
            k = rng.choice([0.5, 1, 1, 2])
            if k == 0.5 and len(s) > 20:
                s = s[: len(s) // 2] + "。"
            elif k == 2:
                s = s + s
            return m.group(1) + s
        t = re.sub(r"(- text: \{zh: )([^,}]+)", vary_text, t)
        # Chart kinds rotate (the loader checks each hint; rank needs unit rank, donut suits percent).
        kinds = ["bar", "hbar", "line"]
        t = re.sub(r"(\n    chart: )(bar|hbar|line)\b", lambda m: m.group(1) + rng.choice(kinds), t)
        with open(os.path.join(out, zone_id + ".yaml"), "w", encoding="utf-8") as f:
            f.write(t)


if __name__ == "__main__":
    main()
