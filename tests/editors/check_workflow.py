"""Checks the example GitHub workflow, examples/ci/charter.yml, against
what GitHub and the Makefile need.  usage: python3 check_workflow.py ROOT
CHARTERC WORK

- the SARIF upload is github/codeql-action/upload-sarif at v4 or later,
  may fail without failing the job (continue-on-error), and comes after
  the comparison and its comment, so that its failure skips neither;
- the apt-get line installs every package the Makefile's `deps` target
  wants (read from its recipe), since `make` stops without them;
- the comparison's Markdown, made by running the workflow's own scripts
  (the steps "Find the agreements" and "Compare ...") in a git repository
  under WORK with CHARTERC, names each changed file in one heading only.
Prints one line per problem; exits 1 when there is one."""
import os, re, subprocess, sys
import yaml

root, charterc, work = sys.argv[1:4]
problems = []
wf = yaml.safe_load(open(os.path.join(root, "examples/ci/charter.yml"), encoding="utf-8"))
steps = wf["jobs"]["charter"]["steps"]


def step(pred, what):
    for i, s in enumerate(steps):
        if pred(s):
            return i, s
    problems.append("no step " + what)
    return None, {}


up_i, up = step(lambda s: s.get("uses", "").startswith("github/codeql-action/upload-sarif@"),
                "uploads the SARIF")
diff_i, diff = step(lambda s: "charterc diff --against" in s.get("run", ""), "runs charterc diff")
find_i, find = step(lambda s: "agreements.txt" in s.get("run", "") and "git ls-files" in s.get("run", ""),
                    "finds the agreements")
post_i, _ = step(lambda s: s.get("uses", "").startswith("actions/github-script@"), "posts the comment")
if up:
    m = re.search(r"@v(\d+)$", up["uses"])
    if not m or int(m.group(1)) < 4:
        problems.append(f"the upload uses {up['uses']}: v3 is retired, use @v4")
    if up.get("continue-on-error") is not True:
        problems.append("the upload step has no `continue-on-error: true`: a failed upload "
                        "(a fork, code scanning not enabled) fails the job")
    for name, i in (("the comparison", diff_i), ("the comment", post_i)):
        if i is not None and up_i is not None and i > up_i:
            problems.append(f"{name} comes after the upload, which may fail")

# The packages of the Makefile's deps recipe, each on the apt-get line.
mk = open(os.path.join(root, "Makefile"), encoding="utf-8").read()
recipe = mk[mk.index("$(DEPS_STAMP):"):mk.index("\ndeps:")]
wanted = re.findall(r'missing="\$\$missing ([\w.+-]+)"', recipe)
apt = " ".join(s.get("run", "") for s in steps if "apt-get install" in s.get("run", ""))
if not wanted:
    problems.append("no package found in the Makefile's deps recipe")
for p in wanted:
    if not re.search(r"(?<![\w.+-])" + re.escape(p) + r"(?![\w.+-])", apt):
        problems.append(f"the apt-get line lacks {p}, which `make` needs (Makefile, deps)")

# Run the two scripts on a pull request that changes one agreement.
def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


if find and diff:
    repo, tmp = os.path.join(work, "repo"), os.path.join(work, "runner")
    os.makedirs(os.path.join(repo, "agreements"))
    os.makedirs(tmp)
    env = dict(GIT_CONFIG_NOSYSTEM="1", HOME=work, GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org")
    os.environ.update(env)      # for git here and in the scripts
    src = open(os.path.join(root, "tests/golden/diff/_base.charter"), encoding="utf-8").read()
    path = os.path.join(repo, "agreements/river.charter")
    open(path, "w", encoding="utf-8").write(src)
    git("init", "-q", "-b", "main", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "base", cwd=repo)
    git("update-ref", "refs/remotes/origin/main", "HEAD", cwd=repo)
    open(path, "w", encoding="utf-8").write(src.replace("commits 200_000 USD", "commits 250_000 USD"))
    git("commit", "-q", "-am", "more money", cwd=repo)
    bindir = os.path.join(work, "bin")
    os.makedirs(bindir)
    os.symlink(os.path.abspath(charterc), os.path.join(bindir, "charterc"))
    renv = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"], RUNNER_TEMP=tmp,
                GITHUB_OUTPUT=os.path.join(tmp, "output"), BASE_REF="main",
                **{k: str(v) for k, v in wf.get("env", {}).items() if "${{" not in str(v)})
    for s in (find, diff):
        r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s["run"]],
                           cwd=repo, env=renv, capture_output=True, text=True)
        if r.returncode != 0:
            problems.append(f"the step '{s.get('name')}' failed: {r.stderr.strip()}")
            break
    else:
        md = open(os.path.join(tmp, "charter-diff.md"), encoding="utf-8").read()
        heads = [l for l in md.splitlines() if l.startswith("#") and "agreements/river.charter" in l]
        if len(heads) != 1:
            problems.append("the comment names agreements/river.charter in %d headings:\n  %s"
                            % (len(heads), "\n  ".join(heads)))
        if "**1 material change**" not in md:
            problems.append("the comment lacks the comparison:\n" + md)
if problems:
    print("\n".join(problems))
sys.exit(1 if problems else 0)
