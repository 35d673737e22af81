#!/usr/bin/python3
"""The command line's documentation is in step with the binary: every option each command's
--help lists appears in docs/command-line.md, in the man page docs/zonebrief.1 and in the bash
completion, and neither the man page nor the completion offers an option the binary lacks.

Usage: check_options.py REPO_ROOT ZONEBRIEF_BINARY"""
import re
import subprocess
import sys

root, binary = sys.argv[1], sys.argv[2]
COMMANDS = ["check", "list", "sample", "build", "charts", "pack", "schema"]
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]*")


def options_in_help(args):
    out = subprocess.run([binary, *args, "--help"], capture_output=True, text=True, check=True).stdout
    # Only the option column (lines starting with spaces and a dash), not the descriptions.
    found = set()
    for line in out.splitlines():
        m = re.match(r"\s+(-\w,\s?)?(--[a-z][a-z-]*)", line)
        if m:
            found.add(m.group(2))
    return found


def read(path):
    """The file without its comments (roff .\\" lines, shell # lines)."""
    with open(f"{root}/{path}", encoding="utf-8") as f:
        lines = f.read().splitlines()
    return "\n".join(l for l in lines if not l.startswith('.\\"') and not l.lstrip().startswith("#"))


man = read("docs/zonebrief.1").replace("\\-", "-")
doc = read("docs/command-line.md")
completion = read("contrib/bash-completion/zonebrief")

failures = []
global_options = options_in_help([])
every_option = set(global_options)
for command in [None] + COMMANDS:
    opts = global_options if command is None else options_in_help([command]) - global_options
    every_option |= opts
    where = command or "global"
    if command and not re.search(rf"\b{command}\b", completion):
        failures.append(f"completion: command {command} missing")
    for opt in sorted(opts - {"--help"}):
        for name, text in (("docs/command-line.md", doc), ("docs/zonebrief.1", man),
                           ("contrib/bash-completion/zonebrief", completion)):
            if not re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", text):
                failures.append(f"{name}: {where} option {opt} missing")

for name, text in (("docs/zonebrief.1", man), ("contrib/bash-completion/zonebrief", completion)):
    for opt in sorted(set(OPTION.findall(text)) - every_option):
        failures.append(f"{name}: offers {opt}, which no command has")

for f in failures:
    print(f)
print(f"options: {len(every_option)} options of {len(COMMANDS)} commands checked; "
      f"{len(failures)} failures")
sys.exit(1 if failures else 0)
