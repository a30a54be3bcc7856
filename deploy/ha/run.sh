#!/usr/bin/env bash
# The duban PostgreSQL HA cluster on one machine (issue 16 §3): etcd, three Patroni members with synchronous
# replication and WAL archiving, HAProxy routing to the primary. Debian packages only; installs them when missing.
#   deploy/ha/run.sh up       start (or resume) the cluster; prints the address the services use
#   deploy/ha/run.sh down     stop it (data kept);  down --purge  also removes the state directory
#   deploy/ha/run.sh status   the members as Patroni sees them
#   deploy/ha/run.sh install  only install the packages when missing (./duban test calls it)
# Settings (environment): DUBAN_HA_DIR (state, default /tmp/duban-ha), DUBAN_HA_PG_PORTS ("25432 25433 25434"),
# DUBAN_HA_REST_PORTS ("25008 25009 25010"), DUBAN_HA_ETCD_PORTS ("25379 25380"), DUBAN_HA_PRIMARY_PORT (25500),
# DUBAN_HA_STATS_PORT (25501). See deploy/ha/README.md for the three-machine layout.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STATE="${DUBAN_HA_DIR:-/tmp/duban-ha}"
read -r -a PG_PORTS <<<"${DUBAN_HA_PG_PORTS:-25432 25433 25434}"
read -r -a REST_PORTS <<<"${DUBAN_HA_REST_PORTS:-25008 25009 25010}"
read -r ETCD_CLIENT ETCD_PEER <<<"${DUBAN_HA_ETCD_PORTS:-25379 25380}"
PRIMARY_PORT="${DUBAN_HA_PRIMARY_PORT:-25500}"
STATS_PORT="${DUBAN_HA_STATS_PORT:-25501}"
RUN_AS=postgres

say() { printf '\033[1m[duban-ha]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[duban-ha]\033[0m %s\n' "$*" >&2; exit 1; }

# Patroni refuses to run PostgreSQL as root: every process of the cluster runs as the postgres user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$RUN_AS" -- "$@"; else "$@"; fi
}

ensure_packages() {
  local missing=()
  command -v patroni >/dev/null 2>&1 || missing+=(patroni)
  command -v etcd >/dev/null 2>&1 || missing+=(etcd-server)
  command -v etcdctl >/dev/null 2>&1 || missing+=(etcd-client)
  command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
  ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && [ -r /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
    say "installing ${missing[*]} (apt, Debian, root)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    die "missing ${missing[*]}: install them (Debian: apt-get install patroni etcd-server etcd-client haproxy postgresql)"
  fi
  # the packages' own services are not ours: the cluster runs from $STATE with its own configuration
  for unit in etcd haproxy; do
    systemctl disable --now "$unit" >/dev/null 2>&1 || true
  done
}

pid_alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_bg() { # start_bg NAME COMMAND…: as postgres, in the background, output to $STATE/NAME.log, pid to $STATE/NAME.pid
  local name="$1"; shift
  if pid_alive "$STATE/$name.pid"; then return 0; fi
  if [ "$(id -u)" = 0 ]; then
    nohup runuser -u "$RUN_AS" -- "$@" >>"$STATE/$name.log" 2>&1 &
  else
    nohup "$@" >>"$STATE/$name.log" 2>&1 &
  fi
  echo $! >"$STATE/$name.pid"
}

render() { # render TEMPLATE OUT NAME PG_PORT REST_PORT
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  sed -e "s|@NAME@|$3|g" -e "s|@PG_PORT@|$4|g" -e "s|@REST_PORT@|$5|g" -e "s|@STATE@|$STATE|g" \
      -e "s|@ETCD@|127.0.0.1:$ETCD_CLIENT|g" -e "s|@BIN_DIR@|$bin|g" "$1" >"$2"
}

cmd_up() {
  ensure_packages
  id "$RUN_AS" >/dev/null 2>&1 || die "no user $RUN_AS (comes with the postgresql package)"
  mkdir -p "$STATE/wal-archive"
  chmod 700 "$STATE"
  [ "$(id -u)" = 0 ] && chown -R "$RUN_AS:" "$STATE"

  start_bg etcd etcd --name duban-ha --data-dir "$STATE/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_CLIENT" --advertise-client-urls "http://127.0.0.1:$ETCD_CLIENT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER" \
    --initial-cluster "duban-ha=http://127.0.0.1:$ETCD_PEER" --initial-cluster-state new
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$ETCD_CLIENT/health" 2>/dev/null | grep -q '"health":"true"' && break
    pid_alive "$STATE/etcd.pid" || { tail -20 "$STATE/etcd.log" >&2; die "etcd exited (log: $STATE/etcd.log)"; }
    sleep 0.5
  done

  local i name servers="" fresh=0
  [ -d "$STATE/pg1" ] || fresh=1
  for i in 0 1 2; do
    name="pg$((i + 1))"
    render "$HERE/patroni.yml.in" "$STATE/$name.yml" "$name" "${PG_PORTS[$i]}" "${REST_PORTS[$i]}"
    [ "$(id -u)" = 0 ] && chown "$RUN_AS:" "$STATE/$name.yml"
    start_bg "$name" patroni "$STATE/$name.yml"
    servers+="    server $name 127.0.0.1:${PG_PORTS[$i]} maxconn 150 check port ${REST_PORTS[$i]}"$'\n'
    # on a new cluster the first member bootstraps alone, so that it, not a race, decides who initialises it
    if [ "$i" = 0 ] && [ "$fresh" = 1 ]; then wait_member 0 primary 90; fi
  done

  sed -e "s|@STATE@|$STATE|g" -e "s|@PRIMARY_PORT@|$PRIMARY_PORT|g" -e "s|@STATS_PORT@|$STATS_PORT|g" \
      "$HERE/haproxy.cfg.in" | awk -v s="$servers" '{ if ($0 == "@SERVERS@") printf "%s", s; else print }' >"$STATE/haproxy.cfg"
  if ! pid_alive "$STATE/haproxy.pid"; then
    haproxy -q -f "$STATE/haproxy.cfg" -D -p "$STATE/haproxy.pid" || die "haproxy did not start ($STATE/haproxy.cfg)"
  fi
  wait_healthy 180
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -t 2 && break
    sleep 0.5
  done
  pg_isready -q -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -t 2 || die "the primary is not reachable through HAProxy on $PRIMARY_PORT"
  say "cluster up: services connect to 127.0.0.1:$PRIMARY_PORT (DUBAN_DB_HOST=127.0.0.1 DUBAN_DB_PORT=$PRIMARY_PORT);" \
      "HAProxy stats http://127.0.0.1:$STATS_PORT/, state in $STATE"
}

wait_member() { # wait_member INDEX primary|replica SECONDS: until the member's REST API says so
  local i="$1" role="$2" secs="$3" n
  for n in $(seq 1 $((secs * 2))); do
    curl -fsS -o /dev/null "http://127.0.0.1:${REST_PORTS[$i]}/$role" 2>/dev/null && return 0
    pid_alive "$STATE/pg$((i + 1)).pid" || { tail -30 "$STATE/pg$((i + 1)).log" >&2; die "Patroni member pg$((i + 1)) exited"; }
    sleep 0.5
  done
  tail -30 "$STATE/pg$((i + 1)).log" >&2
  die "member pg$((i + 1)) is not a running $role after ${secs}s (log: $STATE/pg$((i + 1)).log)"
}

cluster_json() { # the members as the first answering Patroni lists them
  local p
  for p in "${REST_PORTS[@]}"; do curl -fsS -m 2 "http://127.0.0.1:$p/cluster" 2>/dev/null && return 0; done
  return 1
}

wait_healthy() { # until a leader, a synchronous standby and three running members (whichever member leads)
  local n json
  for n in $(seq 1 $(($1 * 2))); do
    json=$(cluster_json || true)
    if grep -q '"role": *"leader"' <<<"$json" && grep -q '"role": *"sync_standby"' <<<"$json" \
       && [ "$(grep -oE '"state": *"(running|streaming)"' <<<"$json" | wc -l)" = 3 ]; then
      return 0
    fi
    sleep 0.5
  done
  printf '%s\n' "$json" >&2
  die "the cluster has no leader, synchronous standby and three running members after $1 s"
}

stop_pidfile() { # stop_pidfile FILE [SECONDS]
  local f="$1" pid n
  pid_alive "$f" || { rm -f "$f"; return 0; }
  pid=$(cat "$f")
  kill "$pid" 2>/dev/null || true
  for n in $(seq 1 $((${2:-30} * 2))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$f"
}

cmd_down() {
  [ -d "$STATE" ] || { say "nothing under $STATE"; return 0; }
  stop_pidfile "$STATE/haproxy.pid" 10
  local name pm
  for name in pg3 pg2 pg1; do
    stop_pidfile "$STATE/$name.pid" 60
    # a member whose Patroni was killed leaves its PostgreSQL running: stop that one by its own pid file
    pm="$STATE/$name/postmaster.pid"
    if [ -s "$pm" ] && kill -0 "$(head -1 "$pm")" 2>/dev/null; then
      as_pg "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl" -D "$STATE/$name" -m immediate stop >/dev/null 2>&1 || true
    fi
  done
  stop_pidfile "$STATE/etcd.pid" 10
  if [ "${1:-}" = --purge ]; then
    rm -rf "$STATE"
    say "stopped; removed $STATE"
  else
    say "stopped (data kept in $STATE; 'down --purge' removes it)"
  fi
}

cmd_status() {
  [ -s "$STATE/pg1.yml" ] || die "no cluster under $STATE"
  patronictl -c "$STATE/pg1.yml" list
}

case "${1:-}" in
  up) cmd_up ;;
  down) shift; cmd_down "$@" ;;
  status) cmd_status ;;
  install) ensure_packages ;;
  *) echo "usage: deploy/ha/run.sh up | down [--purge] | status | install" >&2; exit 2 ;;
esac
