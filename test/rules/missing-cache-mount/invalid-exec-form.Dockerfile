# syntax=docker/dockerfile:1
FROM node:20
COPY package*.json ./
RUN ["npm", "ci", "--omit=dev"]
