FROM node:20-alpine
ENV APP_HOME=/repo
WORKDIR /repo
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml $APP_HOME/
COPY packages/server/package.json $APP_HOME/packages/server/
COPY packages/shared/package.json $APP_HOME/packages/shared/
RUN corepack enable && pnpm install --frozen-lockfile
COPY . $APP_HOME/
RUN pnpm -r build
CMD ["node", "packages/server/dist/main.js"]
