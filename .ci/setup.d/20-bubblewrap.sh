# Sourced by .ci/run: bubblewrap, so the sandbox tests exercise the namespace path (the sandbox falls
# back to resource limits only, and the namespace-only tests are skipped, when bwrap cannot run).
if ! command -v bwrap >/dev/null 2>&1; then
  apt-get install -y -qq bubblewrap >/dev/null 2>&1 || echo "ci: could not install bubblewrap; sandbox tests use the rlimit fallback"
fi
if command -v bwrap >/dev/null 2>&1 && ! bwrap --unshare-all --ro-bind / / true 2>/dev/null; then
  echo "ci: bwrap is installed but cannot create namespaces here; sandbox tests use the rlimit fallback"
fi
