# shellcheck shell=bash
# Shared functions of Doudi's operational scripts (scripts/build, scripts/test,
# scripts/demo). Source it; it sets DOUDI_ROOT and changes nothing else.
#
# Private PostgreSQL clusters. A cluster lives in one directory DIR:
#   DIR/data          the data directory (initdb), mode 0700
#   DIR/socket        the Unix socket directory (-k), mode 0700
#   DIR/postgres.log  the server log (pg_ctl -l)
#   DIR/pgpass        libpq password file of the superuser `postgres`, mode 0600,
#                     owned by the invoking user: use it as PGPASSFILE
# Run as a normal user, that user owns everything. Run as root, DIR, data and
# socket belong to the `postgres` system user (initdb and pg_ctl refuse root, so
# they run through runuser) and only pgpass stays root's; root reaches the
# postgres-owned socket anyway. Authentication is scram-sha-256 on the socket
# and on TCP alike, with a random password that is never printed nor put on a
# command line. Server programs come from `pg_config --bindir`, never PATH.

# shellcheck disable=SC2034  # used by the scripts that source this file
DOUDI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

doudi_info() { printf '%s: %s\n' "${0##*/}" "$*"; }
doudi_warn() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
doudi_die() { printf '%s: error: %s\n' "${0##*/}" "$*" >&2; exit 1; }

doudi_is_root() { [ "$(id -u)" -eq 0 ]; }

# The home directory of the running user, even when HOME is unset.
doudi_home() {
  if [ -n "${HOME:-}" ]; then
    printf '%s\n' "$HOME"
  else
    getent passwd "$(id -u)" | cut -d: -f6
  fi
}

# Prepares ccache for a build when it is installed (returns 1 when not): the
# cache in ~/.cache/ccache, outside the clone, and paths under the clone
# hashed relative to it, so CI's fresh clone in another directory reuses what
# the last build compiled.
doudi_use_ccache() {
  command -v ccache >/dev/null 2>&1 || return 1
  CCACHE_DIR="${CCACHE_DIR:-$(doudi_home)/.cache/ccache}"
  CCACHE_BASEDIR="$DOUDI_ROOT"
  CCACHE_NOHASHDIR=1
  export CCACHE_DIR CCACHE_BASEDIR CCACHE_NOHASHDIR
  mkdir -p "$CCACHE_DIR"
}

# Sets DOUDI_PG_BINDIR to the directory of PostgreSQL's programs (initdb,
# pg_ctl, psql, ...), or ends the script. Call it directly, not in $(...).
DOUDI_PG_BINDIR=""
doudi_pg_bindir_init() {
  [ -z "$DOUDI_PG_BINDIR" ] || return 0
  command -v pg_config >/dev/null 2>&1 ||
    doudi_die "pg_config not found: run scripts/install-deps (it installs libpq-dev)"
  DOUDI_PG_BINDIR="$(pg_config --bindir)"
  if [ ! -x "$DOUDI_PG_BINDIR/initdb" ] || [ ! -x "$DOUDI_PG_BINDIR/pg_ctl" ]; then
    doudi_die "no initdb/pg_ctl in $DOUDI_PG_BINDIR: run scripts/install-deps (it installs postgresql)"
  fi
}

# Runs a PostgreSQL server program (initdb, pg_ctl, ...) as the cluster owner:
# the running user, or `postgres` when root. Runs from DIR so that postgres
# never has to reach the caller's working directory (e.g. /root).
# Usage: doudi_pg_run DIR PROGRAM ARGS...
doudi_pg_run() {
  local dir="$1" prog="$2"
  shift 2
  doudi_pg_bindir_init
  doudi_as_cluster_owner "$dir" "$DOUDI_PG_BINDIR/$prog" "$@"
}

# Runs COMMAND as the cluster owner (the running user, or `postgres` when
# root) from DIR. Usage: doudi_as_cluster_owner DIR COMMAND ARGS...
doudi_as_cluster_owner() {
  local dir="$1"
  shift
  if doudi_is_root; then
    (cd "$dir" && runuser -u postgres -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

# Prints the end of the server log to stderr (after a failure).
doudi_cluster_log_tail() {
  local dir="$1"
  if [ -f "$dir/postgres.log" ]; then
    printf -- '--- last lines of %s ---\n' "$dir/postgres.log" >&2
    tail -n 40 "$dir/postgres.log" >&2 || true
    printf -- '---\n' >&2
  fi
}

# Makes the directory of a cluster and its socket directory, owned by the
# cluster owner, without a data directory (doudi_cluster_create's first step;
# a restore from a backup then fills DIR/data).
# Usage: doudi_cluster_prepare DIR
doudi_cluster_prepare() {
  local dir="$1"
  case "$dir" in
    /*) ;;
    *) doudi_die "cluster directory must be an absolute path: $dir" ;;
  esac
  case "$dir" in
    *"'"* | *'"'* | *\\*) doudi_die "cluster directory may not contain quotes or backslashes: $dir" ;;
  esac
  [ ! -e "$dir/data" ] || doudi_die "$dir/data already exists"
  doudi_pg_bindir_init

  mkdir -p "$dir"
  chmod 0700 "$dir"
  if doudi_is_root; then
    id postgres >/dev/null 2>&1 ||
      doudi_die "no postgres user: run scripts/install-deps (it installs postgresql)"
    chown postgres:postgres "$dir"
    runuser -u postgres -- test -w "$dir" -a -x "$dir" ||
      doudi_die "the postgres user cannot reach $dir: every parent directory must be traversable by it (chmod o+x)"
  fi
  install -d -m 0700 "$dir/socket"
  if doudi_is_root; then chown postgres:postgres "$dir/socket"; fi
}

# Creates a new cluster in DIR (created if missing; DIR/data must not exist).
# Usage: doudi_cluster_create DIR
doudi_cluster_create() {
  local dir="$1" pw pwfile rc=0
  doudi_cluster_prepare "$dir"

  # 48 hex digits from the kernel's random source: no quoting needed anywhere.
  pw="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  [ "${#pw}" -eq 48 ] || doudi_die "could not make a random password"

  # initdb reads the password from a file that the cluster owner can read;
  # printf is a shell builtin, so the password never appears in a process list.
  pwfile="$dir/initdb.pw"
  (umask 077 && : >"$pwfile")
  if doudi_is_root; then chown postgres:postgres "$pwfile"; fi
  printf '%s\n' "$pw" >"$pwfile"

  (umask 077 && doudi_pg_run "$dir" initdb -D "$dir/data" -E UTF8 --locale=C.UTF-8 \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 \
    -U postgres --pwfile="$pwfile" >"$dir/initdb.log" 2>&1) || rc=$?
  rm -f "$pwfile"
  if [ "$rc" -ne 0 ]; then
    cat "$dir/initdb.log" >&2 || true
    rm -rf "$dir/data"  # it did not exist before: a re-run may try again
    doudi_die "initdb failed (exit $rc) in $dir/data"
  fi

  (umask 077 && printf '*:*:*:postgres:%s\n' "$pw" >"$dir/pgpass")
  chmod 0600 "$dir/pgpass"
  pw=""
}

# Whether the cluster in DIR runs (pg_ctl status).
doudi_cluster_is_running() {
  local dir="$1"
  [ -f "$dir/data/PG_VERSION" ] || return 1
  doudi_pg_run "$dir" pg_ctl -D "$dir/data" status >/dev/null 2>&1
}

# Starts the cluster in DIR and waits until it accepts connections.
# LISTEN is listen_addresses ('' for the Unix socket only, or 127.0.0.1);
# EXTRA is more server options for pg_ctl -o (e.g. "-c fsync=off").
# Usage: doudi_cluster_start DIR PORT LISTEN [EXTRA]
doudi_cluster_start() {
  local dir="$1" port="$2" listen="$3" extra="${4:-}"
  [ -f "$dir/data/PG_VERSION" ] || doudi_die "no cluster in $dir"
  if doudi_cluster_is_running "$dir"; then
    doudi_cluster_wait_ready "$dir" "$port"
    return 0
  fi
  # pg_ctl hands -o to a shell: quote the path (create rejects quotes in it).
  if ! doudi_pg_run "$dir" pg_ctl -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-k '$dir/socket' -p $port -c listen_addresses='$listen' $extra" \
    start >/dev/null; then
    doudi_cluster_log_tail "$dir"
    doudi_die "could not start the cluster in $dir (port $port)"
  fi
  doudi_cluster_wait_ready "$dir" "$port"
}

# The server options that load pg_cron (Debian's postgresql-15-cron 1.4.2),
# for doudi_cluster_start's EXTRA: the extension may be created only in the
# database DBNAME (cron.database_name; its launcher waits there for CREATE
# EXTENSION), jobs run as background workers (no libpq login, so no password
# for the job's role) and there are workers enough for the launcher, the
# jobs (cron.max_running_jobs, 5 by default) and parallel queries. Never
# DROP DATABASE DBNAME WITH (FORCE) while the server runs: the launcher it
# ends is not started again until the server restarts (docs/deployment.md).
# DBNAME is a plain lowercase name (no quoting). Usage:
#   doudi_cluster_start DIR PORT LISTEN "$(doudi_cron_options DBNAME) ..."
doudi_cron_options() {
  printf -- '-c shared_preload_libraries=pg_cron -c cron.database_name=%s %s' "$1" \
    '-c cron.use_background_workers=on -c max_worker_processes=16'

}

# Creates the database DBNAME in the running cluster of DIR when it is
# missing (then removes the file MARKER, if given: a new database holds no
# demo data yet), and pg_cron in it as the superuser (migrations never do;
# `db migrate` then lets doudi_scheduler use it). The server must preload
# pg_cron for DBNAME (doudi_cron_options).
# Usage: doudi_cluster_cron_database DIR PORT DBNAME [MARKER]
doudi_cluster_cron_database() {
  local dir="$1" port="$2" db="$3" marker="${4:-}"
  [[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || doudi_die "a database name of lowercase letters, digits and _, not '$db'"
  if [ "$(doudi_cluster_psql "$dir" "$port" -d postgres -Atc \
    "SELECT count(*) FROM pg_database WHERE datname = '$db'")" = 0 ]; then
    doudi_info "creating database $db"
    doudi_cluster_psql "$dir" "$port" -d postgres -qc "CREATE DATABASE $db"
    if [ -n "$marker" ]; then rm -f "$marker"; fi
  fi
  doudi_cluster_psql "$dir" "$port" -d "$db" -qc 'SET client_min_messages = warning' \
    -c 'CREATE EXTENSION IF NOT EXISTS pg_cron'
}

# Waits until the server of DIR accepts connections on its socket.
# Usage: doudi_cluster_wait_ready DIR PORT [SECONDS]
doudi_cluster_wait_ready() {
  local dir="$1" port="$2" timeout="${3:-30}"
  doudi_pg_bindir_init
  if ! "$DOUDI_PG_BINDIR/pg_isready" -q -h "$dir/socket" -p "$port" -t "$timeout"; then
    doudi_cluster_log_tail "$dir"
    doudi_die "the cluster in $dir is not accepting connections on port $port"
  fi
}

# Stops the cluster in DIR if it runs: fast shutdown, then immediate, then
# SIGKILL of the postmaster named in postmaster.pid as a last resort.
# Usage: doudi_cluster_stop DIR
doudi_cluster_stop() {
  local dir="$1" pid=""
  [ -d "$dir/data" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    pid="$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
  fi
  doudi_cluster_is_running "$dir" || return 0
  if doudi_pg_run "$dir" pg_ctl -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
    return 0
  fi
  doudi_warn "fast shutdown of $dir failed; trying immediate shutdown"
  if doudi_pg_run "$dir" pg_ctl -D "$dir/data" -m immediate -w -t 10 stop >/dev/null 2>&1; then
    return 0
  fi
  if [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] &&
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$dir/data"; then
    doudi_warn "killing postmaster $pid of $dir"
    kill -KILL "$pid" 2>/dev/null || true
    return 0
  fi
  doudi_cluster_log_tail "$dir"
  doudi_warn "could not stop the cluster in $dir"
  return 1
}

# Runs psql as the superuser postgres over the cluster's socket, password from
# DIR/pgpass. Usage: doudi_cluster_psql DIR PORT [PSQL ARGS...]
doudi_cluster_psql() {
  local dir="$1" port="$2"
  shift 2
  doudi_pg_bindir_init
  env -u PGPASSWORD PGPASSFILE="$dir/pgpass" \
    "$DOUDI_PG_BINDIR/psql" -X -v ON_ERROR_STOP=1 -h "$dir/socket" -p "$port" -U postgres "$@"
}

# Quotes a value for a libpq key=value connection string when needed.
doudi_conninfo_value() {
  local v="$1"
  case "$v" in
    '' | *[[:space:]\'\\]*)
      v="${v//\\/\\\\}"
      v="${v//\'/\\\'}"
      printf "'%s'" "$v"
      ;;
    *) printf '%s' "$v" ;;
  esac
}

# A libpq connection string for the cluster's socket, as USER (default
# postgres). Usage: doudi_cluster_conninfo DIR PORT DBNAME [USER]
doudi_cluster_conninfo() {
  printf 'host=%s port=%s user=%s dbname=%s\n' \
    "$(doudi_conninfo_value "$1/socket")" "$2" "$(doudi_conninfo_value "${4:-postgres}")" \
    "$(doudi_conninfo_value "$3")"
}

# Makes a throwaway certificate authority and a server certificate for
# "localhost" in DIR/tls (ca.crt, server.crt, server.key owned by whoever
# runs the server), plus an unrelated CA (other-ca.crt) for tests that a
# wrong CA is refused. Usage: doudi_make_test_certificates DIR
doudi_make_test_certificates() {
  local tls="$1/tls"
  mkdir -p "$tls"
  (
    cd "$tls" || exit 1
    openssl req -new -x509 -days 2 -nodes -subj "/CN=Doudi test CA" -keyout ca.key -out ca.crt 2>/dev/null
    openssl req -new -x509 -days 2 -nodes -subj "/CN=Unrelated CA" -keyout other-ca.key -out other-ca.crt 2>/dev/null
    openssl req -new -nodes -subj "/CN=localhost" -keyout server.key -out server.csr 2>/dev/null
    printf 'subjectAltName=DNS:localhost\n' >server.ext
    openssl x509 -req -days 2 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -extfile server.ext \
      -out server.crt 2>/dev/null
    chmod 0600 server.key
  )
  if doudi_is_root; then chown postgres:postgres "$tls/server.key" "$tls/server.crt"; chmod 0755 "$tls"; fi
}

# Streaming standbys of a private cluster (docs/deployment.md, "4. A read
# replica"). The cluster in DIR gets a login role `replicator` with
# REPLICATION and a random password (SCRAM, like every login here; initdb's
# pg_hba.conf already lets the socket's replication connections in with
# scram-sha-256), kept in DIR/pgpass for the invoking user and in
# DIR/replication.pgpass for the cluster owner (pg_basebackup and the
# standby's WAL receiver read it). Safe to repeat.
# Usage: doudi_cluster_add_replicator DIR PORT
doudi_cluster_add_replicator() {
  local dir="$1" port="$2" pw
  [ ! -f "$dir/replication.pgpass" ] || return 0
  pw="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  [ "${#pw}" -eq 48 ] || doudi_die "could not make a random password"
  # Through standard input: the password is on no command line.
  printf "CREATE ROLE replicator WITH LOGIN REPLICATION PASSWORD '%s';\n" "$pw" |
    doudi_cluster_psql "$dir" "$port" -d postgres -q >/dev/null
  (umask 077 && printf '*:*:*:replicator:%s\n' "$pw" >>"$dir/pgpass")
  (umask 077 && printf '*:*:*:replicator:%s\n' "$pw" >"$dir/replication.pgpass")
  if doudi_is_root; then chown postgres:postgres "$dir/replication.pgpass"; fi
  pw=""
}

# Makes STANDBY (a new directory, laid out like DIR) a hot standby of the
# cluster in DIR running on PORT: pg_basebackup -R over DIR's socket as
# `replicator` (a fast checkpoint, WAL streamed alongside), then starts it
# on SPORT, on the Unix socket (and LISTEN, e.g. 127.0.0.1, when given),
# with EXTRA server options as for doudi_cluster_start. The copy keeps DIR's
# superuser and password, so DIR/pgpass logs in to both.
# Usage: doudi_standby_create DIR PORT STANDBY SPORT [EXTRA [LISTEN]]
doudi_standby_create() {
  local dir="$1" port="$2" standby="$3" sport="$4" extra="${5:-}" listen="${6:-}" rc=0
  doudi_cluster_prepare "$standby"
  doudi_cluster_add_replicator "$dir" "$port"
  # The passfile's path goes into primary_conninfo (-R), so the standby's
  # WAL receiver finds the password there again; it is in no setting itself.
  PGPASSFILE="$dir/replication.pgpass" doudi_pg_run "$standby" pg_basebackup \
    -h "$dir/socket" -p "$port" -U replicator -D "$standby/data" -R -X stream -c fast \
    -d "passfile='$dir/replication.pgpass'" >"$standby/basebackup.log" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then
    cat "$standby/basebackup.log" >&2 || true
    doudi_die "pg_basebackup of $dir into $standby failed (exit $rc)"
  fi
  doudi_cluster_start "$standby" "$sport" "$listen" "-c hot_standby=on $extra"
}
