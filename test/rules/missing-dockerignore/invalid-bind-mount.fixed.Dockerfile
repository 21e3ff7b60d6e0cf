# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN --mount=type=bind,target=/src pip install /src
CMD ["app"]
