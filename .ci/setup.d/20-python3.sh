# The desk suite's tests run generated programs in python3 (>= 3.9: list[int] annotations);
# without it they are skipped with a message.
if ! command -v python3 >/dev/null 2>&1; then
  apt-get install -y -qq python3 >/dev/null || echo "ci: python3 could not be installed; desk execution tests will be skipped"
fi
