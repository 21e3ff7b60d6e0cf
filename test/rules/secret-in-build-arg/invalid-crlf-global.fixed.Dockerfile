# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN --mount=type=secret,id=api-key,env=API_KEY pip install --index-url "https://__token__:$API_KEY@pypi.example.com/simple" -r requirements.txt
CMD ["python", "-m", "app"]
