// Deployment settings of the web UI, read before the app starts. Replaced at deploy time without a rebuild:
// the Docker frontend image writes this file from API_BASE_URL (or VITE_API_BASE_URL) when the container starts.
// apiBaseUrl "" = same origin (the page and /api are served by the same host, as Liberty and nginx do).
window.COGENTX_CONFIG = { apiBaseUrl: "" };
