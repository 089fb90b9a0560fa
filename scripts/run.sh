#!/usr/bin/env bash
# Runs the service for a demo: Development environment, bound to loopback, Swagger UI at /swagger.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
urls="${MEDIATION_URLS:-http://127.0.0.1:5080}"
echo "Mediation is starting on $urls (Swagger UI: $urls/swagger)"
exec dotnet run --project src/Mediation.Api -c Release -- --urls "$urls"
