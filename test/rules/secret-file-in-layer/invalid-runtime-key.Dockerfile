FROM nginx:1.27
COPY nginx.conf /etc/nginx/conf.d/default.conf
COPY certs/fullchain.pem certs/privkey.pem /etc/nginx/ssl/
COPY .env /usr/share/nginx/
