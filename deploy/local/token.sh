#!/usr/bin/env bash
# Prints a bearer token that the locally running services accept, signed with the key up.sh made.
#
#   deploy/local/token.sh --role ROLE [--centre CENTRE_ID]... [--sub NAME] [--ttl SECONDS]
#
# ROLE: coordinator | social-worker | facilitator | analyst | integration
# social-worker and facilitator see only the centres given with --centre.
set -euo pipefail
source "$(dirname "$0")/env.sh"
role=""; sub=""; ttl=3600; centres=()
while [ $# -gt 0 ]; do
  case "$1" in
    --role) role=$2; shift 2 ;;
    --centre) centres+=("$2"); shift 2 ;;
    --sub) sub=$2; shift 2 ;;
    --ttl) ttl=$2; shift 2 ;;
    *) echo "usage: $0 --role ROLE [--centre ID]... [--sub NAME] [--ttl SECONDS]" >&2; exit 2 ;;
  esac
done
case "$role" in
  coordinator|social-worker|facilitator|analyst|integration) ;;
  *) echo "--role must be one of coordinator, social-worker, facilitator, analyst, integration" >&2; exit 2 ;;
esac
[ -f "$KEYS/private.pem" ] || { echo "no signing key yet: run deploy/local/up.sh first" >&2; exit 1; }
sub=${sub:-local-$role}
now=$(date +%s)
centre_json=""
for c in "${centres[@]+"${centres[@]}"}"; do centre_json="$centre_json${centre_json:+,}\"$c\""; done
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
header=$(printf '{"alg":"RS256","typ":"JWT","kid":"peercircle-local"}' | b64url)
claims=$(printf '{"iss":"%s","sub":"%s","preferred_username":"%s","iat":%d,"exp":%d,"realm_access":{"roles":["%s"]},"centres":[%s]}' \
  "$ISSUER" "$sub" "$sub" "$now" "$((now + ttl))" "$role" "$centre_json" | b64url)
signature=$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign "$KEYS/private.pem" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$claims" "$signature"
