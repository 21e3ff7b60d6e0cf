FROM python:3.12
WORKDIR /app
COPY . .
RUN chmod +x manage.py
RUN pip install -r requirements.txt && python manage.py collectstatic --noinput
CMD ["gunicorn", "app.wsgi"]
