# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN --mount=type=secret,id=netrc,target=/root/.netrc pip install --no-cache-dir -i https://pypi.example.com/simple private-lib
RUN echo done; echo cleaned
CMD ["python", "-m", "private_lib"]
