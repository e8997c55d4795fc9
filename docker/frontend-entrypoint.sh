#!/bin/sh
# Deploy-time settings of the Cogent-X frontend, applied on every container start before nginx (the image's
# ENTRYPOINT; its arguments, the CMD, are run after). No rebuild needed to point the UI at another API or change
# the limit.
#   API_BASE_URL (or VITE_API_BASE_URL, the seed's name): where the UI calls the API; empty = same origin (/api/
#     through this nginx). Another origin is also added to the page's Content-Security-Policy connect-src.
#   MAX_UPLOAD_MEGABYTES: nginx's client_max_body_size, to match the backend's limit (default 50).
# Paths can be overridden for tests: COGENTX_NGINX_TEMPLATE, COGENTX_NGINX_CONF, COGENTX_HTML_DIR.
set -eu

template="${COGENTX_NGINX_TEMPLATE:-/etc/nginx/nginx.conf.template}"
conf="${COGENTX_NGINX_CONF:-/etc/nginx/nginx.conf}"
html="${COGENTX_HTML_DIR:-/usr/share/nginx/html}"

api="${API_BASE_URL:-${VITE_API_BASE_URL:-}}"
api="${api%/}"
case "$api" in
  ''|http://*|https://*) ;;
  *) echo "cogentx: API_BASE_URL must be empty or start with http:// or https:// (got '$api')" >&2; exit 1 ;;
esac
case "$api" in
  *[\"\\\'\;\ ]*) echo "cogentx: API_BASE_URL must not contain quotes, backslashes, ';' or spaces" >&2; exit 1 ;;
esac

mb="${MAX_UPLOAD_MEGABYTES:-50}"
case "$mb" in
  ''|*[!0-9]*) echo "cogentx: MAX_UPLOAD_MEGABYTES must be a whole number of megabytes (got '$mb')" >&2; exit 1 ;;
esac

printf '// Written by the frontend container at start from API_BASE_URL.\nwindow.COGENTX_CONFIG = { apiBaseUrl: "%s" };\n' \
  "$api" > "$html/config.js"

origin=""
if [ -n "$api" ]; then
  origin=" $(printf '%s' "$api" | sed -E 's#^(https?://[^/]+).*#\1#')"
fi
sed -e "s#client_max_body_size 50m;#client_max_body_size ${mb}m;#" \
    -e "s#connect-src 'self'#connect-src 'self'${origin}#" \
    "$template" > "$conf"
echo "cogentx: UI API base '${api:-same origin}', upload limit ${mb} MB"
if [ $# -gt 0 ]; then
  exec "$@"
fi
