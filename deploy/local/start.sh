#!/usr/bin/env bash
# `npm start`: build, then run the whole system; nothing but Node.js is needed. With Kafka and PostgreSQL configured
# (KAFKA_BROKERS, and DATABASE_URL_TEMPLATE or <SERVICE>_DATABASE_URL) every service runs as its own process on
# them; otherwise all of them run in this one process, on an embedded PostgreSQL and an in-memory event broker.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d node_modules ] || npm ci
npm run build --silent
exec node dist/tools/local/start-local.js
