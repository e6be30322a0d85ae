# shellcheck shell=bash
# A private CUPS print server for the tests (sourced by scripts/test after
# common.sh): its own configuration, spool and logs in one directory, a Unix
# socket there (CUPS_SERVER=<dir>/cups.sock), and one queue, DoudiPDF, whose
# backend is cups-pdf (Debian's printer-driver-cups-pdf): every job ends as a
# PDF in <dir>/out, written by Ghostscript from the PostScript CUPS made of
# the job. docs/printing.md ("The test print server") says why it is built
# this way:
# - cups-pdf refuses to run but as root (Debian installs it 0700 root, so
#   cupsd runs it as root only when cupsd itself is root), and reads its
#   configuration only from /etc/cups/cups-pdf-<instance>.conf (compiled in).
#   So cupsd runs as root in a mount namespace of its own where the private
#   configuration directory is bind-mounted over /etc/cups: the system's
#   /etc/cups is never read or written, and the system's cupsd (if any) is
#   untouched.
# - The queue's PPD is cups-pdf's own with a Duplex option added, so that a
#   job's duplex choice shows in the job's options (cups-pdf ignores it).

DOUDI_TEST_PRINTER_NAME=DoudiPDF

# Starts the server in dir (made here, must not exist); prints nothing on
# success, returns non-zero with the reason on standard error otherwise.
doudi_print_server_start() {
  local dir="$1"
  if ! doudi_is_root; then
    echo "the private print server needs root: cups-pdf runs only as root (Debian installs its backend 0700 root)" >&2
    return 1
  fi
  local tool
  for tool in cupsd lpadmin lpstat unshare gs; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: run scripts/install-deps" >&2; return 1; }
  done
  [ -x /usr/lib/cups/backend/cups-pdf ] ||
    { echo "no cups-pdf backend: run scripts/install-deps (printer-driver-cups-pdf)" >&2; return 1; }
  local ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
  [ -f "$ppd" ] || { echo "no $ppd: run scripts/install-deps" >&2; return 1; }

  mkdir -p "$dir/etc/ppd" "$dir/log" "$dir/out"
  # cupsd's filters run as lp: they traverse dir and write in tmp.
  chmod 0755 "$dir"
  install -d -m 0710 -g lp "$dir/spool"
  install -d -m 1770 -g lp "$dir/spool/tmp"
  install -d -m 0770 -g lp "$dir/cache"
  install -d -m 0755 -g lp "$dir/state"
  install -d -m 1777 "$dir/gstmp"
  cat >"$dir/etc/cups-files.conf" <<CONF
ServerRoot $dir/etc
RequestRoot $dir/spool
TempDir $dir/spool/tmp
CacheDir $dir/cache
StateDir $dir/state
ErrorLog $dir/log/error_log
AccessLog $dir/log/access_log
PageLog $dir/log/page_log
ServerBin /usr/lib/cups
DataDir /usr/share/cups
User lp
Group lp
SystemGroup root
FileDevice No
Sandboxing Relaxed
CONF
  # LogLevel debug: the tests read each job's options (argv[5]) from error_log.
  cat >"$dir/etc/cupsd.conf" <<CONF
Listen $dir/cups.sock
LogLevel debug
MaxLogSize 0
Browsing Off
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
CONF
  # The cups-pdf instance of the queue's device URI cups-pdf:/doudi.
  cat >"$dir/etc/cups-pdf-doudi.conf" <<CONF
Out $dir/out
AnonDirName $dir/out
Spool $dir/spool-pdf
GSTmp $dir/gstmp
Log $dir/log
LogType 7
Grp root
CONF
  # cups-pdf's PPD with the standard Duplex option (before its fonts list).
  awk '/^\*DefaultFont:/ && !done {
         print "*OpenUI *Duplex/Two-Sided: PickOne"
         print "*OrderDependency: 20 AnySetup *Duplex"
         print "*DefaultDuplex: None"
         print "*Duplex None/Off: \"\""
         print "*Duplex DuplexNoTumble/Long Edge: \"\""
         print "*Duplex DuplexTumble/Short Edge: \"\""
         print "*CloseUI: *Duplex"
         done = 1
       }
       { print }' "$ppd" >"$dir/doudi-pdf.ppd"

  # The namespace's shell bind-mounts the configuration and becomes cupsd
  # (its $1 is dir, expanded by that shell).
  # shellcheck disable=SC2016
  setsid unshare --mount --propagation private sh -c \
    'mount --bind "$1/etc" /etc/cups && exec cupsd -f -c "$1/etc/cupsd.conf" -s "$1/etc/cups-files.conf"' \
    sh "$dir" >"$dir/log/cupsd.out" 2>&1 &
  echo $! >"$dir/cupsd.pid"
  local i
  for i in $(seq 100); do
    if [ -S "$dir/cups.sock" ] && CUPS_SERVER="$dir/cups.sock" lpstat -r >/dev/null 2>&1; then break; fi
    if ! kill -0 "$(cat "$dir/cupsd.pid")" 2>/dev/null; then
      echo "cupsd stopped at once: $(tail -5 "$dir/log/cupsd.out" "$dir/log/error_log" 2>/dev/null)" >&2
      return 1
    fi
    sleep 0.1
    [ "$i" -lt 100 ] || { echo "cupsd did not answer on $dir/cups.sock within 10 s" >&2; return 1; }
  done
  if ! CUPS_SERVER="$dir/cups.sock" lpadmin -p "$DOUDI_TEST_PRINTER_NAME" -E -v cups-pdf:/doudi \
    -P "$dir/doudi-pdf.ppd" -o PageSize=A4 2>"$dir/log/lpadmin.out"; then
    echo "lpadmin could not make the $DOUDI_TEST_PRINTER_NAME queue: $(cat "$dir/log/lpadmin.out")" >&2
    return 1
  fi
}

# Stops the server started in dir; safe to call when it did not start.
doudi_print_server_stop() {
  local dir="$1" pid
  [ -f "$dir/cupsd.pid" ] || return 0
  pid="$(cat "$dir/cupsd.pid")"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$dir/cupsd.pid"
}
