ARG API_KEY
FROM python:3.12-slim
ARG API_KEY
RUN pip install --index-url "https://__token__:$API_KEY@pypi.example.com/simple" -r requirements.txt
CMD ["python", "-m", "app"]
