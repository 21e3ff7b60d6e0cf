FROM node:20-alpine
ENV APP_HOME=/repo
COPY . $APP_HOME/
WORKDIR /repo
RUN corepack enable && pnpm install --frozen-lockfile && pnpm -r build
CMD ["node", "packages/server/dist/main.js"]
