# Shared by the bench scripts (source it after setting ROOT): test-key JWTs for the services under test.
# The services started by the benchmarks verify tokens with test-support's key pair.
KEYS="$ROOT/test-support/src/main/resources"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

token() { # ROLE REGION → a signed RS256 JWT valid for two hours
  local now h p s; now=$(date +%s)
  h=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  p=$(printf '{"iss":"duban","upn":"bench","groups":["%s"],"region":"%s","iat":%s,"exp":%s}' "$1" "$2" "$now" $((now + 7200)) | b64url)
  s=$(printf '%s.%s' "$h" "$p" | openssl dgst -sha256 -sign "$KEYS/duban-test-private.pem" -binary | b64url)
  echo "$h.$p.$s"
}
