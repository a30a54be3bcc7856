#!/usr/bin/env bash
# CPU time per bearer-token check on one thread: smallrye-jwt's RS256 parse against the verified-token cache
# (service-common VerifiedTokenCache), same token, 6 rounds of N. CPU time (ThreadMXBean), so the machine's load moves
# it less than wall time. Needs the packaged report-service (its lib/ has smallrye-jwt, jose4j, caffeine, service-common).
#   bench/jwt/run.sh [N]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APP=${APP:-$ROOT/report-service/target/quarkus-app}
M=${MAVEN_REPO:-$HOME/.m2/repository}
EXTRA=$(find "$M/org/eclipse/parsson" "$M/jakarta/json" "$M/io/smallrye/common/smallrye-common-constraint" -name '*.jar' ! -name '*sources*' | sort -V | tr '\n' ':')
CP=$(ls "$APP"/lib/main/*.jar "$APP"/lib/boot/*.jar | tr '\n' ':')
java -cp "$CP$EXTRA" "$ROOT/bench/jwt/TokenVerifyCpu.java" "$ROOT/test-support/src/main/resources" "${1:-10000}" 2>&1 | grep '^round'
