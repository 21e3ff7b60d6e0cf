FROM node:8-onbuild
CMD ["npm", "start"]
