#!/usr/bin/python3
"""Checks docs/schema/*.schema.json against the fixtures that zonebrief's loaders are tested with.

Usage: /usr/bin/python3 tests/schema/check_schemas.py REPO_ROOT [ZONEBRIEF_BINARY]

Runs with Debian's python3 and its packages python3-jsonschema (4.10 on Debian 12) and
python3-yaml, nothing else. It checks that:

- each schema is valid against the JSON Schema 2020-12 metaschema, and every property in it
  has a description (editors show them on hover);
- every good zone fixture (tests/facts/good, inputs, tests/charts) is valid under
  facts.schema.json and every good meeting fixture (tests/meetings/good, inputs/meetings) under
  meeting.schema.json;
- every bad fixture (tests/facts/bad, tests/meetings/bad) is invalid under its schema, except
  those in NOT_EXPRESSIBLE, which must be valid (or, for the ones not loadable as YAML, must
  fail to load): when the schema learns to catch one, the list must shrink;
- with ZONEBRIEF_BINARY, `ZONEBRIEF_BINARY schema facts` and `... schema meeting` print the
  schema files' bytes exactly.

One line per failing file, then a summary line; exit status 1 on any failure, else 0.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError, best_match

NOT_LOADABLE = "not loadable as one YAML document"

# Bad fixtures (relative to the repository root) that a JSON Schema cannot refuse, each with the
# reason. Those with the reason NOT_LOADABLE must fail to load as YAML here; the others must load
# and be valid under their schema.
NOT_EXPRESSIBLE = {
    "tests/facts/bad/bad-indent.yaml": NOT_LOADABLE,
    "tests/facts/bad/syntax-error.yaml": NOT_LOADABLE,
    "tests/facts/bad/multi-document.yaml": NOT_LOADABLE,
    "tests/facts/bad/tag-custom.yaml": NOT_LOADABLE,
    "tests/facts/bad/key-duplicate.yaml": "duplicate keys are lost by a YAML parser (the last one wins)",
    "tests/facts/bad/zone-id-not-stem.yaml": "zone.id must equal the file name, which a schema cannot see",
    "tests/facts/bad/layout-unknown.yaml": "the layout name is well formed; which layouts exist depends on the layouts folder",
    "tests/facts/bad/id-duplicate-metric.yaml": "ids unique within a list: uniqueness by the value of one field",
    "tests/facts/bad/id-duplicate-series.yaml": "ids unique within a list: uniqueness by the value of one field",
    "tests/facts/bad/id-duplicate-source.yaml": "ids unique within a list: uniqueness by the value of one field",
    "tests/facts/bad/source-dangling-highlight.yaml": "a source reference must name an id of sources: a cross-reference",
    "tests/facts/bad/source-dangling-metric.yaml": "a source reference must name an id of sources: a cross-reference",
    "tests/facts/bad/source-dangling-series.yaml": "a source reference must name an id of sources: a cross-reference",
    "tests/meetings/bad/id-not-stem.yaml": "meeting.id must equal the file name, which a schema cannot see",
    "tests/meetings/bad/zone-unknown.yaml": "the zone ids are well formed; which zones exist depends on the inputs folder",
    "tests/meetings/bad/compare-unknown.yaml": "compare ids must be metrics of the zones' own facts files",
}

GOOD = {
    "facts": ["tests/facts/good/*.yaml", "inputs/*.yaml", "tests/charts/*.yaml"],
    "meeting": ["tests/meetings/good/*.yaml", "inputs/meetings/*.yaml"],
}
BAD = {
    "facts": ["tests/facts/bad/*.yaml"],
    "meeting": ["tests/meetings/bad/*.yaml"],
}


class CoreLoader(yaml.SafeLoader):
    """Reads YAML as yaml-language-server (the YAML extension of VS Code and other editors) does
    with its default YAML 1.2 core schema, and close to how zonebrief's yaml-cpp sees scalars.

    PyYAML implements YAML 1.1, whose implicit types differ: 2025-06-30 would become a date
    (JSON Schema, in an editor, sees the string), yes/no/on/off booleans (zonebrief refuses
    `key: yes`; YAML 1.2 reads the string "yes"), 1e5 a string (YAML 1.2 and zonebrief read a
    number), 1_000 and 1:20 numbers, and << merges maps (a plain key to zonebrief). So every
    YAML 1.1 implicit resolver is dropped, the timestamp one included, and only the YAML 1.2
    core schema's null, bool, int and float are resolved.

    Map keys are the scalar text as written (JSON keys are strings; zonebrief compares key text
    too). A key given twice keeps the last value: duplicates are beyond a schema.
    """

    yaml_implicit_resolvers = {}


CoreLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
CoreLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."),
)


def _construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    try:
        return int(text, 10)  # YAML 1.2: 010 is ten, not eight
    except ValueError as e:
        raise yaml.constructor.ConstructorError(None, None, f"not an integer: {text!r}", node.start_mark) from e


def _construct_float(loader, node):
    text = loader.construct_scalar(node)
    body = text.lstrip("+-")
    sign = -1.0 if text.startswith("-") else 1.0
    if body.lower() == ".inf":
        return sign * float("inf")
    if body.lower() == ".nan":
        return float("nan")
    try:
        return float(text)  # 1e999 becomes inf, as in JSON Schema tools
    except ValueError as e:
        raise yaml.constructor.ConstructorError(None, None, f"not a number: {text!r}", node.start_mark) from e


def _construct_mapping(self, node, deep=False):
    if not isinstance(node, yaml.MappingNode):
        raise yaml.constructor.ConstructorError(None, None, "expected a mapping", node.start_mark)
    mapping = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(None, None, "found a key that is not a scalar", key_node.start_mark)
        mapping[key_node.value] = self.construct_object(value_node, deep=deep)
    return mapping


CoreLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
CoreLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
CoreLoader.construct_mapping = _construct_mapping


def load_yaml(path):
    """The one document of `path`, or raises yaml.YAMLError (syntax, several documents, tags)."""
    with open(path, "rb") as f:
        return yaml.load(f, Loader=CoreLoader)  # bytes: PyYAML honours a byte-order mark


def error_line(error):
    where = "/".join(str(p) for p in error.absolute_path) or "(root)"
    return f"{where}: {error.message}"


def undescribed_properties(node, where="#"):
    """Paths of `properties` entries without a description, outside if/not subschemas (which
    editors never show)."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("if", "not"):
                continue
            if key == "properties" and isinstance(value, dict):
                for name, sub in value.items():
                    if not isinstance(sub, dict) or "description" not in sub:
                        found.append(f"{where}/properties/{name}")
            found += undescribed_properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += undescribed_properties(value, f"{where}/{i}")
    return found


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    root = Path(argv[1])
    binary = argv[2] if len(argv) == 3 else None
    failures = []

    def fail(name, message):
        failures.append(name)
        print(f"{name}: {message}")

    schema_files = {kind: root / "docs" / "schema" / f"{kind}.schema.json" for kind in ("facts", "meeting")}
    validators = {}
    for kind, path in schema_files.items():
        rel = path.relative_to(root).as_posix()
        try:
            schema = json.loads(path.read_bytes().decode("utf-8"))
        except (OSError, ValueError) as e:
            fail(rel, f"not a readable JSON file: {e}")
            continue
        try:
            Draft202012Validator.check_schema(schema)
        except SchemaError as e:
            fail(rel, f"not a valid 2020-12 schema: {error_line(e)}")
            continue
        for prop in undescribed_properties(schema):
            fail(rel, f"{prop}: a property without a description")
        validators[kind] = Draft202012Validator(schema)
    if len(validators) != 2:
        print(f"schemas: fixtures not checked; {len(failures)} FAILED")
        return 1
    # The two files repeat their shared pieces (each must stand alone in an editor): keep them equal.
    facts_defs, meeting_defs = (validators[k].schema.get("$defs", {}) for k in ("facts", "meeting"))
    for name in sorted(set(facts_defs) & set(meeting_defs)):
        if facts_defs[name] != meeting_defs[name]:
            fail("docs/schema/meeting.schema.json", f"$defs/{name} differs from the one in facts.schema.json")

    def check(path, kind):
        """None when valid, else the first error as a line; raises yaml.YAMLError."""
        data = load_yaml(path)
        try:
            error = best_match(validators[kind].iter_errors(data))
        except RecursionError:
            return "(root): too deeply nested or recursive to validate"
        return None if error is None else error_line(error)

    def fixtures(patterns):
        files = []
        for pattern in patterns:
            matched = sorted(root.glob(pattern))
            if not matched:
                fail(pattern, "no files found")
            files += matched
        return files

    good = bad = not_expressible = 0
    listed = set(NOT_EXPRESSIBLE)
    for kind in ("facts", "meeting"):
        for path in fixtures(GOOD[kind]):
            rel = path.relative_to(root).as_posix()
            try:
                error = check(path, kind)
            except yaml.YAMLError as e:
                fail(rel, f"not loadable as YAML: {str(e).splitlines()[0]}")
                continue
            if error:
                fail(rel, f"a good fixture, invalid under {kind}.schema.json: {error}")
            else:
                good += 1
        for path in fixtures(BAD[kind]):
            rel = path.relative_to(root).as_posix()
            listed.discard(rel)
            reason = NOT_EXPRESSIBLE.get(rel)
            try:
                error = check(path, kind)
            except yaml.YAMLError as e:
                if reason == NOT_LOADABLE:
                    not_expressible += 1
                else:
                    fail(rel, f"not loadable as YAML ({str(e).splitlines()[0]}); list it in NOT_EXPRESSIBLE as {NOT_LOADABLE!r}")
                continue
            if reason == NOT_LOADABLE:
                fail(rel, f"listed in NOT_EXPRESSIBLE as {NOT_LOADABLE!r}, but it loads: check it against the schema instead")
            elif reason is not None:
                if error:
                    fail(rel, f"listed in NOT_EXPRESSIBLE ({reason}), but the schema refuses it: {error}; remove it from the list")
                else:
                    not_expressible += 1
            elif error:
                bad += 1
            else:
                fail(rel, f"a bad fixture, valid under {kind}.schema.json; zonebrief refuses it (see its .errors)")
    for rel in sorted(listed):
        fail(rel, "listed in NOT_EXPRESSIBLE, but there is no such bad fixture")

    if binary is None:
        binary_note = "zonebrief schema not checked (no binary given)"
    else:
        before = len(failures)
        for kind, path in schema_files.items():
            try:
                run = subprocess.run([binary, "schema", kind], capture_output=True, timeout=60)
            except (OSError, subprocess.TimeoutExpired) as e:
                fail(f"{binary} schema {kind}", f"could not run: {e}")
                continue
            if run.returncode != 0:
                fail(f"{binary} schema {kind}", f"exit status {run.returncode}: {run.stderr.decode(errors='replace').strip()}")
            elif run.stdout != path.read_bytes():
                fail(f"{binary} schema {kind}", f"stdout differs from {path.relative_to(root).as_posix()}")
        binary_note = "zonebrief schema prints both files" if len(failures) == before else "zonebrief schema differs"

    summary = (
        f"schemas: {good} good valid, {bad} bad invalid, "
        f"{not_expressible} not expressible (valid or not YAML, as expected); {binary_note}"
    )
    if failures:
        summary += f"; {len(failures)} FAILED"
    print(summary)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
