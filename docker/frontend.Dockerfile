# Cogent-X frontend: nginx serving the web UI (webapp/, plain files) and proxying /api/ to the backend.
# Build from the repository root (docker compose does this):
#   docker build -f docker/frontend.Dockerfile -t cogentx-frontend .
# Deploy-time settings (no rebuild): API_BASE_URL (or the seed's VITE_API_BASE_URL), MAX_UPLOAD_MEGABYTES.
ARG NGINX_IMAGE=nginx:1.27-alpine
FROM ${NGINX_IMAGE}
LABEL org.opencontainers.image.title="Cogent-X frontend" \
      org.opencontainers.image.licenses="Apache-2.0"

# The pristine config is kept as a template: the entrypoint renders /etc/nginx/nginx.conf from it on each start.
COPY nginx/nginx.conf /etc/nginx/nginx.conf.template
COPY nginx/nginx.conf /etc/nginx/nginx.conf
COPY webapp/ /usr/share/nginx/html/
COPY docker/frontend-entrypoint.sh /docker-entrypoint.d/40-cogentx-config.sh
RUN chmod 0755 /docker-entrypoint.d/40-cogentx-config.sh && rm -f /etc/nginx/conf.d/default.conf

ENV API_BASE_URL="" \
    MAX_UPLOAD_MEGABYTES=50
EXPOSE 80

HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
    CMD wget -q -O /dev/null http://127.0.0.1/ || exit 1
