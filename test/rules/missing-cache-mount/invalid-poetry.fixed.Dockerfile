# syntax=docker/dockerfile:1
FROM python:3.11
ENV POETRY_CACHE_DIR=/tmp/poetry_cache \
    POETRY_VIRTUALENVS_IN_PROJECT=1
RUN --mount=type=cache,target=/root/.cache/pip pip install poetry==1.8.3
WORKDIR /app
COPY pyproject.toml poetry.lock ./
RUN --mount=type=cache,target=/tmp/poetry_cache poetry install --without dev --no-root
