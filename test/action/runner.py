#!/usr/bin/env python3
"""A small stand-in for the GitHub Actions runner, for test/action/run.sh.

    runner.py check ACTION_DIR
        Validate action.yml's structure: what the runner requires of a
        composite action's metadata, plus this project's rules (no ${{ }} in a
        script: inputs reach scripts through env; every input used; every
        script a step names exists). actionlint checks workflows, not this.

    runner.py run ACTION_DIR --workspace DIR --temp DIR --result DIR [--input NAME=VALUE]...
        Run the composite action's steps as the runner does: each `run:` is
        written to a file and run with `bash --noprofile --norc -eo pipefail
        FILE`, with the step's env and working-directory evaluated, a fresh
        GITHUB_OUTPUT per step, GITHUB_ACTION_PATH, GITHUB_WORKSPACE,
        RUNNER_TEMP and RUNNER_OS set, and no INPUT_* variable leaking in from
        outside (the runner sets none for composite steps). A failed step
        stops the action. Then the action's outputs are evaluated. Written to
        the result directory: exit-code (the failed step's exit status, or 0),
        outputs (NAME=VALUE lines) and step-N-ID.github_output (each step's
        raw GITHUB_OUTPUT file).

    runner.py annotations MATCHER_JSON LOG
        Print the annotations GitHub would make of a step's log, one a line:
        "SEVERITY FILE:LINE:COL RULE" for workflow commands
        (::error file=F,line=L,col=C,title=RULE::message) and for lines that
        the problem matcher file matches while it is added (between
        ::add-matcher:: and ::remove-matcher), "SEVERITY TITLE: MESSAGE" for
        a workflow command without a file.

Only the expressions the action uses are understood: inputs.NAME,
github.action_path, github.workspace, runner.temp, runner.os and
steps.ID.outputs.NAME. Anything else is an error, so a new expression in
action.yml makes this test say so rather than guess.

Needs PyYAML (Debian: python3-yaml).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

TOP_KEYS = {"name", "author", "description", "inputs", "outputs", "runs", "branding"}
INPUT_KEYS = {"description", "required", "default", "deprecationMessage"}
OUTPUT_KEYS = {"description", "value"}
STEP_KEYS = {"id", "name", "if", "run", "shell", "env", "working-directory", "uses", "with", "continue-on-error"}
COLORS = {"white", "black", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark"}
ID_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
EXPR_RE = re.compile(r"\$\{\{\s*(.*?)\s*\}\}", re.S)
INPUT_REF_RE = re.compile(r"\binputs\.([A-Za-z0-9_-]+)")
STEP_REF_RE = re.compile(r"\bsteps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)")
SCRIPT_RE = re.compile(r"(?:^|[\s\"'/])(action/[A-Za-z0-9_./-]+\.sh)\b")


class Problem(Exception):
    pass


def load(action_dir):
    for name in ("action.yml", "action.yaml"):
        path = os.path.join(action_dir, name)
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                return yaml.safe_load(f)
    raise Problem(f"no action.yml in {action_dir}")


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings_in(k)
            yield from strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)


def check(meta, action_dir):
    """Returns a list of problems with the action's metadata."""
    p = []
    if not isinstance(meta, dict):
        return ["action.yml is not a mapping"]
    for k in sorted(set(meta) - TOP_KEYS):
        p.append(f"unknown top-level key {k!r}")
    for k in ("name", "description"):
        if not isinstance(meta.get(k), str) or not meta[k].strip():
            p.append(f"{k!r} is required and must be a non-empty string")

    inputs = meta.get("inputs") or {}
    if not isinstance(inputs, dict):
        p.append("'inputs' must be a mapping")
        inputs = {}
    for name, spec in inputs.items():
        if not ID_RE.match(str(name)):
            p.append(f"input {name!r}: not a valid id")
        if not isinstance(spec, dict):
            p.append(f"input {name!r}: must be a mapping")
            continue
        for k in sorted(set(spec) - INPUT_KEYS):
            p.append(f"input {name!r}: unknown key {k!r}")
        if not isinstance(spec.get("description"), str) or not spec["description"].strip():
            p.append(f"input {name!r}: a description is required")
        if "default" in spec and not isinstance(spec["default"], (str, bool, int, float)):
            p.append(f"input {name!r}: the default must be a scalar")
        if "required" in spec and not isinstance(spec["required"], bool):
            p.append(f"input {name!r}: 'required' must be true or false")

    runs = meta.get("runs")
    steps = []
    if not isinstance(runs, dict):
        p.append("'runs' is required and must be a mapping")
    else:
        if runs.get("using") != "composite":
            p.append(f"runs.using is {runs.get('using')!r}, want 'composite' (no container, no node)")
        for k in sorted(set(runs) - {"using", "steps"}):
            p.append(f"runs: unknown key {k!r} for a composite action")
        steps = runs.get("steps")
        if not isinstance(steps, list) or not steps:
            p.append("runs.steps must be a non-empty list")
            steps = []

    ids = set()
    for i, step in enumerate(steps, 1):
        where = f"step {i}"
        if not isinstance(step, dict):
            p.append(f"{where}: must be a mapping")
            continue
        if "name" in step:
            where += f" ({step['name']})"
        for k in sorted(set(step) - STEP_KEYS):
            p.append(f"{where}: unknown key {k!r}")
        if "id" in step:
            if not ID_RE.match(str(step["id"])):
                p.append(f"{where}: id {step['id']!r} is not a valid id")
            if step["id"] in ids:
                p.append(f"{where}: id {step['id']!r} is used twice")
            ids.add(step["id"])
        if ("run" in step) == ("uses" in step):
            p.append(f"{where}: needs exactly one of 'run' and 'uses'")
        if "run" in step:
            if not isinstance(step["run"], str):
                p.append(f"{where}: 'run' must be a string")
                continue
            if "shell" not in step:
                p.append(f"{where}: a composite 'run' step needs 'shell'")
            if "${{" in step["run"]:
                p.append(f"{where}: ${{{{ }}}} in a script: pass values through env (script injection)")
            for script in SCRIPT_RE.findall(step["run"]):
                if not os.path.isfile(os.path.join(action_dir, script)):
                    p.append(f"{where}: runs {script}, which does not exist")
        env = step.get("env", {})
        if not isinstance(env, dict):
            p.append(f"{where}: 'env' must be a mapping")

    outputs = meta.get("outputs") or {}
    if not isinstance(outputs, dict):
        p.append("'outputs' must be a mapping")
        outputs = {}
    for name, spec in outputs.items():
        if not ID_RE.match(str(name)):
            p.append(f"output {name!r}: not a valid id")
        if not isinstance(spec, dict):
            p.append(f"output {name!r}: must be a mapping")
            continue
        for k in sorted(set(spec) - OUTPUT_KEYS):
            p.append(f"output {name!r}: unknown key {k!r}")
        if not isinstance(spec.get("value"), str):
            p.append(f"output {name!r}: a composite action's output needs a 'value'")
            continue
        for sid, _ in STEP_REF_RE.findall(spec["value"]):
            if sid not in ids:
                p.append(f"output {name!r}: refers to step {sid!r}, which no step has as id")

    used = set()
    for text in strings_in(meta.get("runs")):
        for expr in EXPR_RE.findall(text):
            used.update(INPUT_REF_RE.findall(expr))
    for name in sorted(used - set(inputs)):
        p.append(f"inputs.{name} is used but not declared")
    for name in sorted(set(inputs) - used):
        p.append(f"input {name!r} is declared but never used")

    branding = meta.get("branding")
    if branding is not None:
        if not isinstance(branding, dict) or set(branding) - {"icon", "color"}:
            p.append("'branding' takes only icon and color")
        elif "color" in branding and branding["color"] not in COLORS:
            p.append(f"branding.color {branding['color']!r} is not one of {sorted(COLORS)}")
    return p


def evaluate(text, ctx):
    """Replaces each ${{ expr }} in text; only the expressions listed above."""

    def one(m):
        expr = m.group(1)
        if expr in ctx["plain"]:
            return ctx["plain"][expr]
        mi = re.fullmatch(r"inputs\.([A-Za-z0-9_-]+)", expr)
        if mi:
            return ctx["inputs"].get(mi.group(1), "")
        ms = STEP_REF_RE.fullmatch(expr)
        if ms:
            return ctx["steps"].get(ms.group(1), {}).get(ms.group(2), "")
        raise Problem(f"this test runner does not understand the expression ${{{{ {expr} }}}}")

    return EXPR_RE.sub(one, text)


def parse_github_output(path):
    """Parses a GITHUB_OUTPUT file: NAME=VALUE lines and NAME<<DELIMITER blocks."""
    out = {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line:
            continue
        eq, hd = line.find("="), line.find("<<")
        if hd > 0 and (eq < 0 or hd < eq):
            name, delim = line[:hd], line[hd + 2:]
            value = []
            while i < len(lines) and lines[i] != delim:
                value.append(lines[i])
                i += 1
            if i == len(lines):
                raise Problem(f"GITHUB_OUTPUT: no closing {delim!r} for {name!r}")
            i += 1
            out[name] = "\n".join(value)
        elif eq > 0:
            out[line[:eq]] = line[eq + 1:]
        else:
            raise Problem(f"GITHUB_OUTPUT: malformed line {line!r}")
    return out


def run(meta, action_dir, workspace, temp, result, given):
    inputs = {}
    for name, spec in (meta.get("inputs") or {}).items():
        default = spec.get("default", "")
        inputs[name] = str(default).lower() if isinstance(default, bool) else str(default)
    for name, value in given.items():
        if name not in inputs:
            raise Problem(f"unexpected input {name!r}: action.yml declares {sorted(inputs)}")
        inputs[name] = value
    for name, spec in (meta.get("inputs") or {}).items():
        if spec.get("required") and not inputs[name]:
            raise Problem(f"input {name!r} is required")

    runner_os = os.environ.get("RUNNER_OS", "Linux")
    ctx = {
        "plain": {
            "github.action_path": action_dir,
            "github.workspace": workspace,
            "runner.temp": temp,
            "runner.os": runner_os,
        },
        "inputs": inputs,
        "steps": {},
    }
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("INPUT_")}
    base_env.update(
        GITHUB_ACTION_PATH=action_dir,
        GITHUB_WORKSPACE=workspace,
        RUNNER_TEMP=temp,
        RUNNER_OS=runner_os,
        GITHUB_ACTIONS="true",
    )
    files = tempfile.mkdtemp(prefix="runner-files.", dir=temp)
    exit_code = 0
    try:
        for i, step in enumerate(meta["runs"]["steps"], 1):
            sid = step.get("id", f"__{i}")
            if "if" in step:
                raise Problem(f"step {i}: this test runner does not evaluate 'if'")
            if "uses" in step:
                raise Problem(f"step {i}: this test runner runs only 'run' steps")
            if step.get("shell") != "bash":
                raise Problem(f"step {i}: this test runner runs only 'shell: bash'")
            env = dict(base_env)
            for k, v in (step.get("env") or {}).items():
                env[k] = evaluate(str(v), ctx)
            for name in ("GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STATE", "GITHUB_STEP_SUMMARY"):
                path = os.path.join(files, f"step-{i}.{name}")
                open(path, "w").close()
                env[name] = path
            cwd = evaluate(step.get("working-directory", ""), ctx) or workspace
            if not os.path.isabs(cwd):
                cwd = os.path.join(workspace, cwd)
            script = os.path.join(files, f"step-{i}.sh")
            with open(script, "w", encoding="utf-8") as f:
                f.write(step["run"])
            print(f"##[step] {step.get('name', sid)}", flush=True)
            rc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=cwd, env=env).returncode
            sys.stdout.flush()
            shutil.copy(env["GITHUB_OUTPUT"], os.path.join(result, f"step-{i}-{sid}.github_output"))
            shutil.copy(env["GITHUB_STEP_SUMMARY"], os.path.join(result, f"step-{i}-{sid}.step_summary"))
            ctx["steps"][sid] = parse_github_output(env["GITHUB_OUTPUT"])
            print(f"##[step] {step.get('name', sid)}: exit {rc}", flush=True)
            if rc != 0:
                exit_code = rc
                break
        with open(os.path.join(result, "outputs"), "w", encoding="utf-8") as f:
            for name, spec in (meta.get("outputs") or {}).items():
                f.write(f"{name}={evaluate(spec['value'], ctx)}\n")
        with open(os.path.join(result, "exit-code"), "w") as f:
            f.write(f"{exit_code}\n")
    finally:
        shutil.rmtree(files, ignore_errors=True)


COMMAND_RE = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")


def unescape_property(v):
    for a, b in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        v = v.replace(a, b)
    return v


def annotations(matcher_path, log_path):
    """The annotations the runner makes of a log; see the module doc."""
    import json

    with open(matcher_path, encoding="utf-8") as f:
        matchers = json.load(f)["problemMatcher"]
    for m in matchers:
        if len(m["pattern"]) != 1:
            raise Problem("only single-line problem matchers are supported here")
    active = False
    out = []
    with open(log_path, encoding="utf-8", errors="replace") as f:
        for line in f.read().splitlines():
            if line.startswith("::add-matcher::"):
                if os.path.abspath(line[len("::add-matcher::"):]) != os.path.abspath(matcher_path):
                    raise Problem(f"the log adds another matcher file: {line}")
                active = True
                continue
            if line.startswith("::remove-matcher "):
                active = False
                continue
            m = COMMAND_RE.match(line)
            if m:
                sev, props, msg = m.groups()
                kv = {}
                for part in (props or "").split(","):
                    if "=" in part:
                        k, _, v = part.partition("=")
                        kv[k.strip()] = unescape_property(v)
                if "file" in kv:
                    out.append(f"{sev} {kv['file']}:{kv.get('line', '')}:{kv.get('col', '')} {kv.get('title', '')}")
                else:
                    out.append(f"{sev} {kv.get('title', '')}: {msg}")
                continue
            if not active:
                continue
            for mt in matchers:
                pat = mt["pattern"][0]
                r = re.match(pat["regexp"], line)
                if not r:
                    continue
                g = lambda key: r.group(pat[key]) if key in pat else ""
                sev = g("severity") or mt.get("severity", "") or "error"
                out.append(f"{sev} {g('file')}:{g('line')}:{g('column')} {g('code')}")
                break
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["check", "run", "annotations"])
    ap.add_argument("action_dir", help="the action's directory (for annotations: the matcher file)")
    ap.add_argument("log", nargs="?", help="for annotations: the log")
    ap.add_argument("--workspace")
    ap.add_argument("--temp")
    ap.add_argument("--result")
    ap.add_argument("--input", action="append", default=[], metavar="NAME=VALUE")
    a = ap.parse_args()
    action_dir = os.path.abspath(a.action_dir)
    try:
        if a.command == "annotations":
            for line in annotations(a.action_dir, a.log):
                print(line)
            return 0
        meta = load(action_dir)
        problems = check(meta, action_dir)
        if problems:
            for pr in problems:
                print(f"action.yml: {pr}", file=sys.stderr)
            return 1
        if a.command == "check":
            return 0
        if not (a.workspace and a.temp and a.result):
            ap.error("run needs --workspace, --temp and --result")
        given = {}
        for item in a.input:
            name, sep, value = item.partition("=")
            if not sep:
                ap.error(f"--input {item!r}: want NAME=VALUE")
            given[name] = value
        run(meta, action_dir, os.path.abspath(a.workspace), os.path.abspath(a.temp), a.result, given)
        return 0
    except Problem as e:
        print(f"runner.py: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
