# Cogent-X frontend: nginx serving the web UI (webapp/, plain files) and proxying /api/ to the backend, on Debian 13.
# Build from the repository root (docker-compose does this):
#   docker build -f docker/frontend.Dockerfile -t cogentx-frontend .
# Deploy-time settings (no rebuild): API_BASE_URL (or the seed's VITE_API_BASE_URL), MAX_UPLOAD_MEGABYTES.
# nginx runs unprivileged on port 8080 (the compose file publishes it as 3000).
FROM debian:trixie-slim
LABEL org.opencontainers.image.title="Cogent-X frontend" \
      org.opencontainers.image.description="Cogent-X web UI and API proxy (nginx)" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.base.name="docker.io/library/debian:trixie-slim"

RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx curl \
    && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled /etc/nginx/conf.d /var/www/html \
       /usr/share/nginx/html/*

# The pristine config is kept as a template: the entrypoint renders /etc/nginx/nginx.conf and the UI's config.js
# from it and the environment on each start, as the unprivileged user that runs nginx (www-data), who also owns
# nginx's temp files; logs go to the container's output.
COPY nginx/nginx.conf /etc/nginx/nginx.conf.template
COPY webapp/ /usr/share/nginx/html/
COPY docker/frontend-entrypoint.sh /usr/local/bin/cogentx-frontend-entrypoint
RUN chmod 0755 /usr/local/bin/cogentx-frontend-entrypoint \
    && cp /etc/nginx/nginx.conf.template /etc/nginx/nginx.conf \
    && touch /usr/share/nginx/html/config.js \
    && chown www-data:0 /etc/nginx/nginx.conf /usr/share/nginx/html/config.js \
    && mkdir -p /var/lib/nginx /var/log/nginx \
    && chown -R www-data:0 /var/lib/nginx /var/log/nginx \
    && chmod -R g=u /var/lib/nginx /var/log/nginx /etc/nginx/nginx.conf /usr/share/nginx/html/config.js \
    && ln -sf /dev/stdout /var/log/nginx/access.log \
    && ln -sf /dev/stderr /var/log/nginx/error.log

ENV API_BASE_URL="" \
    MAX_UPLOAD_MEGABYTES=50
USER www-data
EXPOSE 8080

HEALTHCHECK --interval=5s --timeout=3s --start-period=10s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/ || exit 1

ENTRYPOINT ["/usr/local/bin/cogentx-frontend-entrypoint"]
CMD ["nginx", "-g", "daemon off; pid /tmp/nginx.pid; error_log stderr notice;"]
