FROM python:3.12 AS builder
WORKDIR /build
COPY requirements/prod.txt requirements/base.txt /build/requirements/
RUN python -m pip wheel --wheel-dir /wheels -r requirements/prod.txt \
 && pip install --no-cache-dir -r requirements/prod.txt
COPY . /build
FROM python:3.12-slim
COPY --from=builder /wheels /wheels
