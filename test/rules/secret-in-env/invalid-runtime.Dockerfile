FROM python:3.12-slim
ENV DJANGO_SECRET_KEY=k3J9xQ2mP7vL4nR8tW1yZ5bC6dF0gH
ENV DATABASE_URL=postgres://app:Tr0ub4dor3x@db:5432/app
COPY . /app
RUN pip install -r /app/requirements.txt
CMD ["sh", "-c", "gunicorn --env SECRET=$DJANGO_SECRET_KEY app.wsgi"]
