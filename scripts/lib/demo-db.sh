# shellcheck shell=bash
# Doudi's demo database in a private cluster (scripts/lib/common.sh, source it
# first): the schema, the holiday calendar, the demo registry and one demo
# user per staff group, all at the Sanmen county center (331022). Used by
# scripts/demo and scripts/backup-check. Every doudi-admin call connects as
# the superuser postgres over the cluster's socket with DIR/pgpass.

# Creates the database DBNAME when it is missing, creates pg_cron in it (the
# server must preload pg_cron for DBNAME: doudi_cron_options), brings the
# schema up to date (db migrate) and loads the holiday calendar the database
# counts deadlines on (replaces each year whole). A new database clears
# DIR/demo-loaded. Usage: doudi_demo_schema DIR PORT DBNAME ADMIN
doudi_demo_schema() {
  local dir="$1" port="$2" db="$3" admin="$4" exists conn
  [[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || doudi_die "a database name of lowercase letters, digits and _, not '$db'"
  exists="$(doudi_cluster_psql "$dir" "$port" -d postgres -Atc \
    "SELECT count(*) FROM pg_database WHERE datname = '$db'")"
  if [ "$exists" = 0 ]; then
    doudi_info "creating database $db"
    doudi_cluster_psql "$dir" "$port" -d postgres -qc "CREATE DATABASE $db"
    rm -f "$dir/demo-loaded"  # a new database holds no demo data yet
  fi
  # The superuser creates pg_cron (migrations never do); `db migrate` then lets
  # doudi_scheduler use it.
  doudi_cluster_psql "$dir" "$port" -d "$db" -qc 'SET client_min_messages = warning' \
    -c 'CREATE EXTENSION IF NOT EXISTS pg_cron'
  conn="$(doudi_cluster_conninfo "$dir" "$port" "$db")"
  doudi_info "doudi-admin db migrate"
  doudi_cluster_admin "$dir" "$admin" --db "$conn" db migrate
  doudi_info "doudi-admin calendar load"
  doudi_cluster_admin "$dir" "$admin" --db "$conn" calendar load \
    "$DOUDI_ROOT/assets/calendar/cn-public-holidays.csv" >/dev/null
}

# Loads the demo registry and schedules the daily screening at 02:00 Beijing
# time (pg_cron), once: DIR/demo-loaded records that it was done.
# Usage: doudi_demo_data DIR PORT DBNAME ADMIN
doudi_demo_data() {
  local dir="$1" port="$2" db="$3" admin="$4" conn
  if [ -f "$dir/demo-loaded" ]; then
    doudi_info "demo data already loaded"
    return 0
  fi
  conn="$(doudi_cluster_conninfo "$dir" "$port" "$db")"
  doudi_info "doudi-admin demo-data"
  doudi_cluster_admin "$dir" "$admin" --db "$conn" demo-data
  doudi_cluster_admin "$dir" "$admin" --db "$conn" screen schedule --at 02:00
  date -u +%Y-%m-%dT%H:%M:%SZ >"$dir/demo-loaded"
}

# One demo user per staff group. Each password is made here, handed to
# doudi-admin on standard input and kept only in DIR/pgpass, so it is never
# shown; a user already in DIR/pgpass is skipped. The display name is what
# timelines and signed documents show.
# Usage: doudi_demo_users DIR PORT DBNAME ADMIN
DOUDI_DEMO_USERS=(
  "demo_clerk village_clerk 331022001201 - 叶素琴"
  "demo_reviewer township_reviewer 331022001 - 陈建国"
  "demo_city city_decider 331022 - 王丽华"
  "demo_liaison department_liaison 331022 medical_insurance 郑海燕"
  "demo_finance finance_officer 331022 - 林志强"
  "demo_admin center_admin 331022 - 周文斌"
  "demo_auditor auditor 331022 - 潘美玲"
)
doudi_demo_users() {
  local dir="$1" port="$2" db="$3" admin="$4" conn entry name group scope department display password
  local -a args
  conn="$(doudi_cluster_conninfo "$dir" "$port" "$db")"
  for entry in "${DOUDI_DEMO_USERS[@]}"; do
    read -r name group scope department display <<<"$entry"
    if grep -q "^\*:\*:\*:$name:" "$dir/pgpass"; then continue; fi
    password="$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')"
    args=(--db "$conn" user add "$name" --group "$group" --scope "$scope" --name "$display" --password-stdin)
    if [ "$department" != - ]; then args+=(--department "$department"); fi
    if printf '%s\n' "$password" | doudi_cluster_admin "$dir" "$admin" "${args[@]}" >/dev/null; then
      printf '*:*:*:%s:%s\n' "$name" "$password" >>"$dir/pgpass"
    else
      doudi_die "could not add the demo user $name"
    fi
  done
}

# Runs doudi-admin with the passwords of the cluster in DIR (DIR/pgpass).
# Usage: doudi_cluster_admin DIR ADMIN ARGS...
doudi_cluster_admin() {
  local dir="$1" admin="$2"
  shift 2
  env -u PGPASSWORD PGPASSFILE="$dir/pgpass" "$admin" "$@"
}
