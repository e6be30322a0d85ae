# shellcheck shell=bash
# A pg_auto_failover formation on loopback: a monitor and two PostgreSQL
# nodes (scripts/ha-demo starts it, scripts/ha-check kills its primary).
# Source it after common.sh, then call ha_init DIR BASEPORT.
#
# The run directory DIR (outside the clone) holds:
#   monitor/ node1/ node2/  one cluster each, in doudi_cluster_create's layout
#                           (data, socket, pgpass of the superuser); node2 is
#                           made by pg_basebackup from node1, so the data
#                           nodes share their superuser password
#   NODE/node.conf          settings of that node only (its socket directory),
#                           included from data/postgresql.conf as ../node.conf,
#                           so the standby's copy of the file names its own
#   NODE/xdg/               pg_autoctl's configuration, state and pid file
#                           (XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_RUNTIME_DIR)
#   NODE/pg_autoctl.log     what that node's pg_autoctl service says
#   autoctl.pgpass          passwords the pg_autoctl services use (owned by
#                           the cluster owner, mode 0600): postgres on each
#                           node, autoctl_node on the monitor,
#                           pgautofailover_replicator on the data nodes
#   pgpass                  passwords of the clients (doudi-admin, desks):
#                           postgres of the data nodes and the demo users
#   doudi.ini               the desks' profile: both nodes, read-write only
# Ports: the monitor BASEPORT, node1 BASEPORT+1, node2 BASEPORT+2, all on
# 127.0.0.1. Authentication is scram-sha-256 everywhere (pg_hba.conf is
# initdb's, pg_autoctl runs with --skip-pg-hba and never adds a rule), the
# links are TLS with pg_autoctl's self-signed certificates.

HA_DIR=""
HA_PORT_MONITOR=""
# shellcheck disable=SC2034  # used by the scripts that source this file
HA_NODES=(node1 node2)
declare -A HA_PORT=()

# Usage: ha_init DIR BASEPORT
ha_init() {
  HA_DIR="$1"
  HA_PORT_MONITOR="$2"
  HA_PORT[monitor]="$2"
  HA_PORT[node1]="$(($2 + 1))"
  HA_PORT[node2]="$(($2 + 2))"
  command -v pg_autoctl >/dev/null 2>&1 ||
    doudi_die "pg_autoctl not found: run scripts/install-deps (it installs pg-auto-failover-cli)"
  doudi_pg_bindir_init
}

# The default run directory: postgres must reach it when root.
ha_default_dir() {
  if doudi_is_root; then
    printf '/var/lib/doudi-ha\n'
  else
    printf '%s/doudi/ha\n' "${XDG_CACHE_HOME:-$(doudi_home)/.cache}"
  fi
}

# Runs pg_autoctl for NODE (monitor, node1, node2) as the cluster owner, with
# that node's configuration directories and the services' password file.
# Usage: ha_autoctl NODE ARGS...
ha_autoctl() {
  local node="$1" d="$HA_DIR/$1"
  shift
  if [ ! -d "$d/xdg/run" ]; then
    # pg_autoctl falls back to ~postgres and /tmp for missing ones.
    doudi_as_cluster_owner "$d" mkdir -m 0700 -p "$d/xdg/config" "$d/xdg/share" "$d/xdg/run"
  fi
  # PATH: the system's only (pg_autoctl looks for openssl in every entry).
  doudi_as_cluster_owner "$d" env -u PGPASSWORD -u PGUSER -u PGDATABASE PATH=/usr/bin:/bin \
    XDG_CONFIG_HOME="$d/xdg/config" XDG_DATA_HOME="$d/xdg/share" XDG_RUNTIME_DIR="$d/xdg/run" \
    PGPASSFILE="$HA_DIR/autoctl.pgpass" PGHOST="$d/socket" PGPORT="${HA_PORT[$node]}" \
    "$(command -v pg_autoctl)" "$@"
}

# The pid file pg_autoctl's supervisor keeps for NODE (empty when none).
ha_keeper_pidfile() {
  local run="$HA_DIR/$1/xdg/run"
  [ -d "$run" ] || return 0
  find "$run" -name pg_autoctl.pid -print -quit 2>/dev/null
}

# Whether PID is a live process whose command line contains TEXT.
ha_pid_is() {
  local pid="$1" text="$2"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$text"
}

# The pid of NODE's pg_autoctl supervisor when it runs (else empty).
ha_keeper_pid() {
  local file pid
  file="$(ha_keeper_pidfile "$1")"
  [ -n "$file" ] && [ -f "$file" ] || return 0
  pid="$(head -n 1 "$file")"
  if ha_pid_is "$pid" pg_autoctl; then printf '%s\n' "$pid"; fi
}

# The pids of the services NODE's supervisor started (pid file lines 6 on:
# "PID NAME"), those still alive.
ha_keeper_service_pids() {
  local file pid rest
  file="$(ha_keeper_pidfile "$1")"
  [ -n "$file" ] && [ -f "$file" ] || return 0
  tail -n +6 "$file" | while read -r pid rest; do
    if ha_pid_is "$pid" pg_autoctl; then printf '%s\n' "$pid"; fi
  done
}

# The pid of NODE's postmaster when it runs (else empty).
ha_postmaster_pid() {
  local data="$HA_DIR/$1/data" pid
  [ -f "$data/postmaster.pid" ] || return 0
  pid="$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)"
  if ha_pid_is "$pid" "$data"; then printf '%s\n' "$pid"; fi
}

# Starts NODE's pg_autoctl service in the background unless it runs, and
# waits for its pid file. Usage: ha_start_node NODE
ha_start_node() {
  local node="$1" d="$HA_DIR/$1"
  [ -z "$(ha_keeper_pid "$node")" ] || return 0
  (ha_autoctl "$node" run --pgdata "$d/data" </dev/null >>"$d/pg_autoctl.log" 2>&1 &)
  for _ in $(seq 1 60); do
    [ -z "$(ha_keeper_pid "$node")" ] || return 0
    sleep 0.5
  done
  tail -n 20 "$d/pg_autoctl.log" >&2 || true
  doudi_die "the pg_autoctl service of $node did not start (log: $d/pg_autoctl.log)"
}

# Stops NODE's pg_autoctl service (it stops its postgres), by the pid in its
# own pid file; the postgres left running, if any, as doudi_cluster_stop does.
ha_stop_node() {
  local node="$1" pid
  pid="$(ha_keeper_pid "$node")"
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      ha_pid_is "$pid" pg_autoctl || break
      sleep 0.5
    done
    if ha_pid_is "$pid" pg_autoctl; then
      doudi_warn "pg_autoctl $pid of $node did not stop in 30 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  if [ -f "$HA_DIR/$node/data/PG_VERSION" ]; then doudi_cluster_stop "$HA_DIR/$node" || true; fi
}

# SIGKILLs NODE's pg_autoctl (supervisor and services) and its postmaster,
# by pid, as a crash would; frees the supervisor's log semaphore (pid file
# line 5), which a killed supervisor leaves behind. Prints the pids killed.
ha_kill_node() {
  local node="$1" file sem pids=() p
  file="$(ha_keeper_pidfile "$node")"
  sem=""
  if [ -n "$file" ] && [ -f "$file" ]; then sem="$(sed -n 5p "$file")"; fi
  p="$(ha_keeper_pid "$node")"
  [ -z "$p" ] || pids+=("$p")
  while read -r p; do [ -z "$p" ] || pids+=("$p"); done < <(ha_keeper_service_pids "$node")
  p="$(ha_postmaster_pid "$node")"
  [ -z "$p" ] || pids+=("$p")
  [ ${#pids[@]} -gt 0 ] || doudi_die "nothing of $node runs: no pg_autoctl, no postmaster"
  kill -KILL "${pids[@]}" 2>/dev/null || true
  if [ -n "$sem" ] && [ "$sem" -gt 0 ] 2>/dev/null; then ipcrm -s "$sem" 2>/dev/null || true; fi
  printf '%s\n' "${pids[*]}"
}

# psql as the superuser on the monitor, database pg_auto_failover.
ha_monitor_psql() {
  doudi_cluster_psql "$HA_DIR/monitor" "$HA_PORT_MONITOR" -d pg_auto_failover "$@"
}

# "NAME REPORTED GOAL" of each data node, as the monitor sees it.
ha_node_states() {
  ha_monitor_psql -Atc "SELECT nodename || ' ' || reportedstate || ' ' || goalstate FROM pgautofailover.node ORDER BY nodeid" 2>/dev/null
}

# The data node that takes writes and is settled there (reported = goal =
# primary, or wait_primary: a primary whose standby is away), or nothing.
ha_primary() {
  ha_monitor_psql -Atc "SELECT nodename FROM pgautofailover.node WHERE reportedstate IN ('primary', 'wait_primary') AND goalstate = reportedstate" 2>/dev/null
}

# Waits until one data node is primary and one secondary, both settled.
# Usage: ha_wait_formation SECONDS
ha_wait_formation() {
  local timeout="$1" states
  for _ in $(seq 1 "$timeout"); do
    states="$(ha_node_states || true)"
    if grep -q ' primary primary$' <<<"$states" && grep -q ' secondary secondary$' <<<"$states"; then
      return 0
    fi
    sleep 1
  done
  printf '%s\n' "$states" >&2
  return 1
}

# Waits until NODE reports STATE as its goal too. Usage: ha_wait_node NODE STATE SECONDS
ha_wait_node() {
  local node="$1" state="$2" timeout="$3"
  for _ in $(seq 1 "$timeout"); do
    if ha_node_states | grep -qx "$node $state $state"; then return 0; fi
    sleep 1
  done
  ha_node_states >&2 || true
  return 1
}

# The multi-host libpq connection string of the formation for USER: both
# nodes, the one that accepts writes (target_session_attrs), over TLS.
ha_conninfo() {
  printf 'host=127.0.0.1,127.0.0.1 port=%s,%s dbname=doudi user=%s target_session_attrs=read-write sslmode=require\n' \
    "${HA_PORT[node1]}" "${HA_PORT[node2]}" "$1"
}
