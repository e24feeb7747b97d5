#!/usr/bin/env bash
# Apache Kafka (KRaft, one combined broker+controller) from Maven Central, run with `java -cp`.
# Usage: kafka.sh fetch|start|stop|status|wait
# Env: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_STATE_DIR (<repo>/.local/kafka),
#      KAFKA_FRESH=1 wipes broker state before start (CI does), KAFKA_HEAP (512m).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
port=${KAFKA_PORT:-9092}
cport=${KAFKA_CONTROLLER_PORT:-9093}
state=${KAFKA_STATE_DIR:-$repo/.local/kafka}
lib="$here/lib"
pidfile="$state/kafka.pid"

fetch() {
  # The pom pins the version; the jar folder is a cache keyed by it.
  local version; version=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")
  if [ -f "$lib/kafka_2.13-$version.jar" ] && [ -f "$lib/.complete" ]; then return 0; fi
  rm -rf "$lib"
  echo "kafka: resolving org.apache.kafka:kafka_2.13:$version with Maven" >&2
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$lib" -DincludeScope=runtime >&2
  touch "$lib/.complete"
}

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  fetch
  if running; then echo "kafka: already running (pid $(cat "$pidfile"))" >&2; return 0; fi
  if port_open "$port"; then echo "kafka: port $port is taken by another process" >&2; return 1; fi
  [ "${KAFKA_FRESH:-0}" = 1 ] && rm -rf "$state"
  mkdir -p "$state/data" "$state/logs"
  cat > "$state/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:$cport
listeners=PLAINTEXT://:$port,CONTROLLER://:$cport
advertised.listeners=PLAINTEXT://localhost:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$state/data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=168
PROPS
  cat > "$state/log4j2.properties" <<PROPS
status=warn
appender.file.type=File
appender.file.name=file
appender.file.fileName=$state/logs/server.log
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=[%d] %p %m (%c)%n
rootLogger.level=INFO
rootLogger.appenderRef.file.ref=file
logger.kafka.name=kafka
logger.kafka.level=WARN
logger.apache.name=org.apache.kafka
logger.apache.level=WARN
logger.ready.name=kafka.server.KafkaRaftServer
logger.ready.level=INFO
PROPS
  local java_opts=(-Xmx"${KAFKA_HEAP:-512m}" -Xms128m -XX:+UseG1GC -Djava.awt.headless=true
    -Dlog4j2.configurationFile="$state/log4j2.properties")
  if [ ! -f "$state/data/meta.properties" ]; then
    local cluster; cluster=$(java -cp "$lib/*" "${java_opts[@]}" kafka.tools.StorageTool random-uuid)
    java -cp "$lib/*" "${java_opts[@]}" kafka.tools.StorageTool format -t "$cluster" -c "$state/server.properties" --ignore-formatted >"$state/logs/format.log" 2>&1
  fi
  nohup java -cp "$lib/*" "${java_opts[@]}" kafka.Kafka "$state/server.properties" >"$state/logs/stdout.log" 2>&1 &
  echo $! > "$pidfile"
  wait_ready
}

wait_ready() {
  local deadline=$((SECONDS + ${KAFKA_WAIT_SECONDS:-90}))
  until port_open "$port" && grep -qs "Kafka Server started" "$state/logs/server.log"; do
    if ! running; then echo "kafka: the broker exited; see $state/logs" >&2; tail -20 "$state/logs/stdout.log" >&2 || true; return 1; fi
    if [ $SECONDS -ge $deadline ]; then echo "kafka: not ready after ${KAFKA_WAIT_SECONDS:-90}s" >&2; return 1; fi
    sleep 0.5
  done
  echo "kafka: ready on localhost:$port (pid $(cat "$pidfile"))" >&2
}

stop() {
  if ! running; then rm -f "$pidfile"; return 0; fi
  local pid; pid=$(cat "$pidfile")
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  echo "kafka: stopped" >&2
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  wait) wait_ready ;;
  status) if running; then echo "running (pid $(cat "$pidfile"))"; else echo "stopped"; exit 1; fi ;;
  *) echo "usage: $0 fetch|start|stop|status|wait" >&2; exit 2 ;;
esac
