#!/bin/bash
# First start of the compose PostgreSQL only (docker-entrypoint-initdb.d): one role and one database per service,
# as CloudNativePG makes them on a cluster (deploy/kubernetes/base/postgres).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v posts_password="$POSTS_DB_PASSWORD" -v cooperation_password="$COOPERATION_DB_PASSWORD" <<'SQL'
CREATE ROLE posts LOGIN PASSWORD :'posts_password';
CREATE DATABASE posts OWNER posts;
CREATE ROLE cooperation LOGIN PASSWORD :'cooperation_password';
CREATE DATABASE cooperation OWNER cooperation;
SQL
