# The desk suite's tests run generated programs in python3 (>= 3.9: list[int] annotations).
if ! command -v python3 >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq python3 >/dev/null
fi
