FROM python:3.12
ENV PIP_EXTRA_INDEX_URL=https://__token__:pypiPassw0rd9x@pypi.example.com/simple
RUN ["pip", "install", "private-package"]
