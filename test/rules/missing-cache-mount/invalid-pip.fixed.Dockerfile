# syntax=docker/dockerfile:1
FROM python:3.12-slim
WORKDIR /srv
COPY requirements.txt .
RUN --mount=type=cache,target=/root/.cache/pip python -m pip install --upgrade pip \
    && pip install \
        -r requirements.txt
COPY . .
