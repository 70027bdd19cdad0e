"""validate.py SCHEMA FILE...: checks each SARIF log against the SARIF
2.1.0 JSON schema with jsonschema's format checker (so that every URI is
checked), and against the rules of the specification the schema cannot
say:
  - 3.14.27: a run with results has a columnKind;
  - 3.4.2, 3.4.5: an artifactLocation has a uri or an index, and an index
    names an entry of run.artifacts;
  - no placeholder informationUri (a host of RFC 2606: example.*, *.invalid).
Prints "ok FILE" or "FAIL FILE: reason" for each; exits 1 if one failed."""
import json
import sys

import jsonschema


def locations(node):
    """Every artifactLocation under node."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "artifactLocation" and isinstance(value, dict):
                yield value
            yield from locations(value)
    elif isinstance(node, list):
        for value in node:
            yield from locations(value)


def spec_errors(log):
    for run in log.get("runs", []):
        if run.get("results") and "columnKind" not in run:
            yield "a run with results has no columnKind (SARIF 3.14.27)"
        count = len(run.get("artifacts", []))
        artifacts = [a["location"] for a in run.get("artifacts", []) if "location" in a]
        for loc in list(locations(run)) + artifacts:
            if "uri" not in loc and "index" not in loc:
                yield "an artifactLocation with neither uri nor index (SARIF 3.4.2)"
            if "index" in loc and not 0 <= loc["index"] < count:
                yield "artifactLocation index %d names no artifact (SARIF 3.4.5)" % loc["index"]
        uri = run.get("tool", {}).get("driver", {}).get("informationUri", "")
        host = uri.split("://", 1)[-1].split("/", 1)[0]
        if uri and (host.startswith("example.") or host.endswith((".invalid", ".example"))):
            yield "informationUri is a placeholder: " + uri


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    failed = 0
    for path in sys.argv[2:]:
        try:
            with open(path, encoding="utf-8") as f:
                log = json.load(f)
            errors = ["%s at %s" % (e.message, "/".join(map(str, e.absolute_path)))
                      for e in validator.iter_errors(log)]
            errors += list(spec_errors(log))
        except ValueError as e:
            errors = ["not JSON: %s" % e]
        if errors:
            failed += 1
            print("FAIL %s: %s" % (path, "; ".join(errors[:3])))
        else:
            print("ok %s" % path)
    sys.exit(1 if failed else 0)


main()
