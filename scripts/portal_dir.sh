# Sourced by demo.sh and test.sh. PostgreSQL runs as the `postgres` user, which must be able to
# reach the portal's state folder; when the checkout sits under a private folder (e.g. /root),
# keep the local portal's state under /var/lib instead of .portal/.
if [ -z "${DESA_PORTAL_DIR:-}" ] && id postgres >/dev/null 2>&1 \
    && ! runuser -u postgres -- test -x "$PWD" 2>/dev/null; then
  DESA_PORTAL_DIR="/var/lib/desa-terbuka/portal-$(printf %s "$PWD" | sha1sum | cut -c1-8)"
  export DESA_PORTAL_DIR
  mkdir -p "$DESA_PORTAL_DIR"
  echo "==> local portal state in $DESA_PORTAL_DIR (postgres cannot reach $PWD)"
fi
