FROM python:3.12 AS deps
RUN pip wheel --wheel-dir /wheels flask

FROM gcr.io/distroless/python3-debian12
COPY --from=deps /wheels /wheels
CMD ["app.py"]
