FROM node:20
RUN docker login -u ci --password "Zx9!vK3m#Lq7Tp2W" registry.example.com \
 && docker pull registry.example.com/base
