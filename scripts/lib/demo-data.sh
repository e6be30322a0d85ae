# shellcheck shell=bash
# The demo database's content, shared by scripts/demo and scripts/ha-demo:
# schema, holiday calendar, demo data and one demo user per staff group.
# Source it after common.sh. The caller exports PGPASSFILE (the superuser's
# password for CONN) and unsets PGPASSWORD.

# Brings the schema of CONN up to date, loads the holiday calendar and,
# unless the file MARKER exists, the demo data (then writes MARKER).
# With --schedule also the daily screening through pg_cron (the server must
# preload it, see doudi_cron_options).
# Usage: doudi_demo_load ADMIN CONN MARKER [--schedule]
doudi_demo_load() {
  local admin="$1" conn="$2" marker="$3" schedule="${4:-}"
  doudi_info "doudi-admin db migrate"
  "$admin" --db "$conn" db migrate
  # The holiday calendar the database counts deadlines on (replaces each year whole).
  doudi_info "doudi-admin calendar load"
  "$admin" --db "$conn" calendar load "$DOUDI_ROOT/assets/calendar/cn-public-holidays.csv" >/dev/null
  if [ -f "$marker" ]; then
    doudi_info "demo data already loaded"
    return 0
  fi
  doudi_info "doudi-admin demo-data"
  "$admin" --db "$conn" demo-data
  if [ "$schedule" = --schedule ]; then
    # The daily screening inside the server at 02:00 Beijing time (pg_cron).
    "$admin" --db "$conn" screen schedule --at 02:00
  fi
  date -u +%Y-%m-%dT%H:%M:%SZ >"$marker"
}

# One demo user per staff group, all at the Sanmen county center (331022).
# Each password is made here, handed to doudi-admin on standard input and
# kept only in the password file PGPASS (one `*:*:*:NAME:PASSWORD` line per
# user), so it is never shown. A user already in PGPASS is skipped. The
# display name is what timelines and signed documents show.
# Usage: doudi_demo_add_users ADMIN CONN PGPASS
doudi_demo_add_users() {
  local admin="$1" conn="$2" pgpass="$3" entry name group scope department display password
  local -a args
  local -a demo_users=(
    "demo_clerk village_clerk 331022001201 - 叶素琴"
    "demo_reviewer township_reviewer 331022001 - 陈建国"
    "demo_city city_decider 331022 - 王丽华"
    "demo_liaison department_liaison 331022 medical_insurance 郑海燕"
    "demo_finance finance_officer 331022 - 林志强"
    "demo_admin center_admin 331022 - 周文斌"
    "demo_auditor auditor 331022 - 潘美玲"
  )
  for entry in "${demo_users[@]}"; do
    read -r name group scope department display <<<"$entry"
    if grep -q "^\*:\*:\*:$name:" "$pgpass"; then continue; fi
    password="$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')"
    args=(--db "$conn" user add "$name" --group "$group" --scope "$scope" --name "$display" --password-stdin)
    if [ "$department" != - ]; then args+=(--department "$department"); fi
    if printf '%s\n' "$password" | "$admin" "${args[@]}" >/dev/null; then
      printf '*:*:*:%s:%s\n' "$name" "$password" >>"$pgpass"
    else
      doudi_die "could not add the demo user $name"
    fi
  done
}

# The demo users, for doudi.ini's `users` key.
# shellcheck disable=SC2034  # used by the scripts that source this file
DOUDI_DEMO_USERS="demo_clerk, demo_reviewer, demo_city, demo_liaison, demo_finance, demo_admin, demo_auditor"
