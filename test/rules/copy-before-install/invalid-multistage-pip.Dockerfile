FROM python:3.12 AS builder
WORKDIR /build
COPY . /build
RUN python -m pip wheel --wheel-dir /wheels -r requirements/prod.txt \
 && pip install --no-cache-dir -r requirements/prod.txt
FROM python:3.12-slim
COPY --from=builder /wheels /wheels
