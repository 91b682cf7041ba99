# Sourced by .ci/run: start a throw-away PostgreSQL server for the storage module's PostgreSQL tests
# and export WORKBENCH_TEST_PG_URL, WORKBENCH_TEST_PG_USER and WORKBENCH_TEST_PG_PASSWORD.
# Installs Debian's postgresql package when no server binaries are present. On any failure it says
# why and leaves the variables unset: the PostgreSQL tests are then skipped with a message.
# The cluster lives in a temporary directory (WORKBENCH_TEST_PG_DATA); stop it with
#   pg_ctl -D "$WORKBENCH_TEST_PG_DATA" stop   (run as the postgres user when root).

workbench_pg_setup() {
  local bindir datadir port as_pg password log
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "postgres: installing the postgresql package"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 \
      || { echo "postgres: apt-get install postgresql failed"; return 1; }
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$bindir" ] || { echo "postgres: no server binaries after install"; return 1; }
  fi
  # initdb refuses to run as root: run the server as the postgres user then.
  as_pg=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres \
      || { echo "postgres: cannot create the postgres user"; return 1; }
    as_pg=(runuser -u postgres --)
  fi
  datadir=$(mktemp -d /tmp/workbench-pg.XXXXXX)
  chmod 700 "$datadir"
  [ "$(id -u)" = 0 ] && chown postgres "$datadir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo 55432)
  password="wb-$(date +%s%N | sha256sum | head -c 16)"
  printf '%s\n' "$password" > "$datadir.pw"
  [ "$(id -u)" = 0 ] && chown postgres "$datadir.pw"
  "${as_pg[@]}" "$bindir/initdb" -D "$datadir" -U postgres --pwfile="$datadir.pw" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 >/dev/null \
    || { echo "postgres: initdb failed"; return 1; }
  rm -f "$datadir.pw"
  log="$datadir/server.log"
  "${as_pg[@]}" "$bindir/pg_ctl" -D "$datadir" -l "$log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $datadir -c fsync=off -c synchronous_commit=off" start >/dev/null \
    || { echo "postgres: server did not start:"; tail -n 20 "$log"; return 1; }
  "${as_pg[@]}" "$bindir/psql" -q -h "$datadir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
      -c "CREATE ROLE workbench LOGIN PASSWORD '$password'" \
      -c "CREATE DATABASE workbench_test OWNER workbench" >/dev/null \
    || { echo "postgres: cannot create the test database"; return 1; }
  export WORKBENCH_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/workbench_test"
  export WORKBENCH_TEST_PG_USER=workbench
  export WORKBENCH_TEST_PG_PASSWORD="$password"
  export WORKBENCH_TEST_PG_DATA="$datadir"
  echo "postgres: $("$bindir/postgres" --version) on 127.0.0.1:$port, data in $datadir"
}

workbench_pg_setup || echo "postgres: not available; the PostgreSQL store tests will be skipped"
unset -f workbench_pg_setup
