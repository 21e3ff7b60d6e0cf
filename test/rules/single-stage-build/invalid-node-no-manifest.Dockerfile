FROM node:20
WORKDIR /app
COPY . .
RUN npm install -g esbuild && esbuild src/main.js --bundle --outdir=dist
CMD ["node", "dist/main.js"]
