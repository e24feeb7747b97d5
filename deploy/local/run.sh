#!/usr/bin/env bash
# `npm run start:infra`: the whole system as in production on this machine: build, start Kafka and the databases,
# start every service and the gateway as processes. Ctrl-C stops the services; `npm run infra:down` stops Kafka.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d node_modules ] || npm ci
npm run build
bash deploy/local/infra.sh up
exec node dist/tools/run-local.js
